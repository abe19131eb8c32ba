package dev.lab.hooks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why {@code execve} of a hook would fail, in the words of the Python {@code OSError} LocalStack logs
 * ({@code subprocess.call([path])}). Checked before the real exec because the launchers that would
 * otherwise report it (glibc's {@code execvp} in bwrap, Java's process spawner) fall back to
 * {@code /bin/sh} for a file without a {@code #!} line, where Python does not.
 */
final class ExecCheck {
    private ExecCheck() {}

    /**
     * @param file          the script's host path
     * @param containerPath its path as the hook sees it (the one named in the message)
     * @param resolve       where a path the hook sees is on the host, or empty when it does not exist there
     * @return {@code [Errno N] ...: '<containerPath>'}, or empty when the kernel would start it
     */
    static Optional<String> failure(Path file, String containerPath, Function<String, Optional<Path>> resolve)
            throws IOException {
        if (!Files.exists(file)) return Optional.of(errno(2, "No such file or directory", containerPath));
        if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
            return Optional.of(errno(13, "Permission denied", containerPath));
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(256);
        }
        if (head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return Optional.empty();
        }
        if (head.length < 2 || head[0] != '#' || head[1] != '!') {
            return Optional.of(errno(8, "Exec format error", containerPath));
        }
        String line = new String(Arrays.copyOfRange(head, 2, head.length), StandardCharsets.UTF_8);
        int end = line.indexOf('\n');
        line = (end < 0 ? line : line.substring(0, end)).replaceFirst("^[ \t]+", "");
        String interpreter = line.split("[ \t]", 2)[0];
        if (interpreter.isEmpty()) return Optional.of(errno(8, "Exec format error", containerPath));
        // A CR left by a Windows editor is part of the name, so that interpreter is "not found", as on Linux.
        Optional<Path> host = interpreter.startsWith("/") ? resolve.apply(interpreter) : Optional.empty();
        if (host.isEmpty() || !Files.exists(host.get())) {
            return Optional.of(errno(2, "No such file or directory", containerPath));
        }
        if (!Files.isExecutable(host.get()) || Files.isDirectory(host.get())) {
            return Optional.of(errno(13, "Permission denied", containerPath));
        }
        return Optional.empty();
    }

    private static String errno(int number, String text, String path) {
        return "[Errno " + number + "] " + text + ": " + pythonRepr(path);
    }

    /** Python's {@code repr} of a str, which LocalStack's message shows. */
    private static String pythonRepr(String s) {
        boolean single = s.contains("'") && !s.contains("\"");
        char q = single ? '"' : '\'';
        String body = s.replace("\\", "\\\\");
        if (!single) body = body.replace("'", "\\'");
        return q + body + q;
    }
}
