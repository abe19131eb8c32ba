package dev.lab.emulator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The container's log: every line goes to the caller (what {@code docker logs}
 * would show) and, once attached, is appended to the volume's
 * {@code logs/localstack_infra.log}. Logger lines use LocalStack's layout.
 */
final class ContainerLog implements Closeable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Consumer<String> sink;
    private Writer file;

    ContainerLog(Consumer<String> sink) {
        this.sink = sink == null ? line -> { } : sink;
    }

    /** Starts appending to {@code infraLog}; lines logged before are not copied. */
    synchronized void attach(Path infraLog) throws IOException {
        close();
        file = new BufferedWriter(Files.newBufferedWriter(infraLog, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** One raw line, as printed by LocalStack's {@code print} calls. */
    synchronized void line(String text) {
        sink.accept(text);
        if (file != null) {
            try {
                file.write(text);
                file.write('\n');
                file.flush();
            } catch (IOException e) {
                // A full or vanished volume must not take the emulator down with it.
                file = null;
            }
        }
    }

    void info(String logger, String message) {
        log("INFO", logger, message);
    }

    void warn(String logger, String message) {
        log("WARN", logger, message);
    }

    void error(String logger, String message) {
        log("ERROR", logger, message);
    }

    private void log(String level, String logger, String message) {
        // Unless said otherwise, a line logged here comes from the container's
        // lifecycle, which LocalStack drives from its main thread.
        log("MainThread", level, logger, message);
    }

    /**
     * A logger line from a named thread; LocalStack shows the last 12 characters of the
     * thread's name, e.g. {@code ady_monitor)} for {@code Thread-1 (_run_ready_monitor)}.
     */
    void log(String thread, String level, String logger, String message) {
        String shown = thread.length() > 12 ? thread.substring(thread.length() - 12) : thread;
        line(String.format("%s %5s --- [%12s] %-26s : %s",
                TIME.format(LocalDateTime.now()), level, shown, logger, message));
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Nothing left to report it to.
            }
            file = null;
        }
    }
}
