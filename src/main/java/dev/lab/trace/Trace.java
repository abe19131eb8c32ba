package dev.lab.trace;

import java.io.PrintStream;

/**
 * A profile on demand: with {@code LAB_TRACE=1} in the environment, {@link #mark} prints
 * {@code lab-trace <pid> <ms since the JVM started> <wall clock ms mod 100 s> <what>} to standard error, and a
 * {@link #span} prints the same line at its end with {@code <ms> ms} after {@code <what>}. The engine host inherits
 * the variable and its lines land in its log ({@code <state>/engine/host.log}); the wall clock lines them up across
 * processes. Off, a mark or a span costs one field read.
 */
public final class Trace {
    private static final boolean ON = "1".equals(System.getenv("LAB_TRACE"));
    // The JVM's own record of its start (java.management loads only when tracing).
    private static final long START_MILLIS = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
    private static final Span OFF = () -> { };

    private Trace() {}

    /** A span that prints its time when closed; nothing at all when tracing is off. */
    @FunctionalInterface
    public interface Span extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether marks are printed. */
    public static boolean on() { return ON; }

    /** Prints one mark when tracing is on. */
    public static void mark(String what) {
        if (ON) System.err.println(line(ProcessHandle.current().pid(), System.currentTimeMillis(), what));
    }

    /** Starts a span named {@code what} (e.g. {@code check path x exists}), printed with its milliseconds when closed. */
    public static Span span(String what) {
        if (!ON) return OFF;
        long t0 = System.nanoTime();
        return () -> print(System.err, what, System.nanoTime() - t0);
    }

    static void print(PrintStream out, String what, long nanos) {
        String first = what.lines().findFirst().orElse("");
        if (first.length() > 100) first = first.substring(0, 100) + "…";
        out.println(line(ProcessHandle.current().pid(), System.currentTimeMillis(),
                first + " " + String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6) + " ms"));
    }

    private static String line(long pid, long now, String what) {
        return "lab-trace " + pid + " " + (now - START_MILLIS) + " " + now % 100_000 + " " + what;
    }
}
