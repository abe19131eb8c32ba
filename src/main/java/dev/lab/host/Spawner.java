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
            ProcessHandle host = detach(paths, command);
            long deadline = System.currentTimeMillis() + timeoutMillis;
            boolean told = false;
            while (!answers(paths.socket())) {
                if (!host.isAlive() && !answers(paths.socket())) throw failed(paths, "exited");
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
     * Starts {@code command} through a shell that puts it in the background and says its pid: the JVM's own child
     * is that shell, gone at once. A host that were this JVM's child would keep a JDK reaper thread waiting for it in
     * native code, and a JVM waits up to 300 ms at exit for such threads: every {@code quit} after a host start paid it.
     */
    private static ProcessHandle detach(HostPaths paths, List<String> command) throws IOException {
        var full = new ArrayList<>(List.of("/bin/sh", "-c", (setsid() != null ? "\"$0\" " : "") + "\"$@\" </dev/null >>\"$LAB_HOST_LOG\" 2>&1 & echo $!"));
        full.add(setsid() != null ? setsid() : "sh");
        full.addAll(command);
        var pb = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.appendTo(paths.log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("LAB_HOST_LOG", paths.log().toString());
        Process shell = pb.start();
        String pid = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        try {
            shell.waitFor();
            var host = ProcessHandle.of(Long.parseLong(pid));
            if (host.isEmpty()) throw failed(paths, "exited");
            return host.get();
        } catch (NumberFormatException e) {
            throw failed(paths, "did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the engine host");
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
