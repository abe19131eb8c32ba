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
            var full = new ArrayList<String>();
            if (setsid() != null) full.add(setsid());
            full.addAll(command);
            var pb = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(paths.log().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // The host names files after S3 keys: in a locale without UTF-8 (LANG=C, or one not installed) Java
            // would refuse every non-ASCII name.
            if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            long deadline = System.currentTimeMillis() + timeoutMillis;
            boolean told = false;
            while (!answers(paths.socket())) {
                if (!p.isAlive() && !answers(paths.socket())) throw failed(paths, "exited with " + p.exitValue());
                if (System.currentTimeMillis() > deadline) throw failed(paths, "did not answer in " + timeoutMillis / 1000 + " s");
                if (!told && System.currentTimeMillis() > deadline - timeoutMillis + 700) {
                    progress.accept("starting the engine host (log: " + paths.log() + ") …");
                    told = true;
                }
                sleep();
            }
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
