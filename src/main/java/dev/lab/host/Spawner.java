package dev.lab.host;

import java.io.File;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the engine host as a detached process (its own session, so the terminal's Ctrl-C does not
 * reach it) unless one answers already. A lock file makes two starters wait for one host.
 * Only {@code java.base}: the shims' {@link Client} uses it when the host has gone idle.
 */
final class Spawner {
    private Spawner() {}

    /** Whether a host answers on the socket. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) return false;
        try (var ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes sure a host answers on the socket of {@code paths}, starting {@code command} if none does.
     *
     * @param progress told once when the start takes a while
     * @throws IOException naming the host's log when it did not come up in {@code timeoutMillis}
     */
    static void ensure(HostPaths paths, List<String> command, long timeoutMillis, Consumer<String> progress) throws IOException {
        paths.create();
        if (answers(paths.socket())) return;
        try (var channel = FileChannel.open(paths.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.lock()) {
            if (answers(paths.socket())) return; // the other starter won
            Files.write(paths.startArgs(), command);
            ProcessHandle host = start(paths, command);
            long deadline = System.currentTimeMillis() + timeoutMillis;
            boolean told = false;
            while (!answers(paths.socket())) {
                if (!alive(host) && !answers(paths.socket())) throw failed(paths, "exited");
                if (System.currentTimeMillis() > deadline) throw failed(paths, "did not answer in " + timeoutMillis / 1000 + " s");
                if (!told && System.currentTimeMillis() > deadline - timeoutMillis + 700) {
                    progress.accept("starting the engine host (log: " + paths.log() + ") …");
                    told = true;
                }
                sleep();
            }
        }
    }

    /**
     * Starts the host through {@code sh} in the background, so that this process keeps no child: a JVM with a live
     * child has a "process reaper" thread in native code, and HotSpot waits about 300 ms for it when it exits.
     */
    private static ProcessHandle start(HostPaths paths, List<String> command) throws IOException {
        var full = new ArrayList<>(List.of("/bin/sh", "-c", "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!", "sh",
                paths.log().toString()));
        if (setsid() != null) full.add(setsid());
        full.addAll(command);
        var pb = new ProcessBuilder(full).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The host names files after S3 keys: in a locale without UTF-8 (LANG=C, or one not installed) Java
        // would refuse every non-ASCII name.
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) pb.environment().put("LC_ALL", "C.UTF-8");
        Process sh = pb.start();
        String pid = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            sh.waitFor();
            return ProcessHandle.of(Long.parseLong(pid)).orElseThrow(() -> new IOException("the engine host exited at once"));
        } catch (NumberFormatException e) {
            throw new IOException("cannot start the engine host: " + pid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the engine host");
        }
    }

    // Not our child: once it ends it is a zombie until init reaps it, and ProcessHandle still calls that alive.
    private static boolean alive(ProcessHandle host) {
        if (!host.isAlive()) return false;
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(host.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static IOException failed(HostPaths paths, String why) throws IOException {
        List<String> log = Files.exists(paths.log()) ? Files.readAllLines(paths.log()) : List.of();
        String last = log.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        return new IOException("the engine host " + why + (last.isEmpty() ? "" : ": " + last) + " (see " + paths.log() + ")");
    }

    private static String setsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid"))) return Path.of(dir, "setsid").toString();
        }
        return null;
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the engine host");
        }
    }
}
