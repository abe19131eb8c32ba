package dev.lab.trace;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Timings of a lab's parts for profiling, printed to stderr only when {@code LAB_TRACE} is set (not {@code 0}):
 * one line {@code lab-trace HH:mm:ss.SSS <process> <what> <ms>} per span, at its end. The engine host inherits the
 * variable and writes its lines to its log ({@code <state>/engine/host.log}), so both sides line up by wall clock.
 */
public final class Trace {
    private static final boolean ON = on(System.getenv("LAB_TRACE"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final Span OFF = () -> { };

    private Trace() {}

    /** A span that prints its time when closed; nothing at all when tracing is off. */
    @FunctionalInterface
    public interface Span extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether a {@code LAB_TRACE} value switches tracing on. */
    static boolean on(String value) {
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /** Whether tracing is on in this process. */
    public static boolean enabled() { return ON; }

    /** Starts a span named {@code what} (e.g. {@code check path x exists}). */
    public static Span span(String what) {
        if (!ON) return OFF;
        long t0 = System.nanoTime();
        return () -> print(System.err, what, System.nanoTime() - t0);
    }

    static void print(PrintStream out, String what, long nanos) {
        String name = ProcessHandle.current().pid() + "";
        String line = what.lines().findFirst().orElse("");
        if (line.length() > 100) line = line.substring(0, 100) + "…";
        out.printf(java.util.Locale.ROOT, "lab-trace %s %s %s %.1f%n", LocalTime.now().format(CLOCK), name, line, nanos / 1e6);
    }
}
