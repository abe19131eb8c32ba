package dev.lab.trace;

/**
 * A start-up and exit profile on demand: with {@code LAB_TRACE=1} in the environment, {@link #mark}
 * prints {@code lab-trace <pid> <ms since the JVM started> <wall clock ms mod 100 s> <what>} to standard
 * error (the engine host's marks land in its log; the wall clock lines them up across processes).
 * Off, a mark costs one field read.
 */
public final class Trace {
    private static final boolean ON = "1".equals(System.getenv("LAB_TRACE"));
    // The JVM's own record of its start (java.management loads only when tracing).
    private static final long START_MILLIS = ON ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private Trace() {}

    /** Whether marks are printed. */
    public static boolean on() { return ON; }

    /** Prints one mark when tracing is on. */
    public static void mark(String what) {
        if (!ON) return;
        System.err.println("lab-trace " + ProcessHandle.current().pid() + " " + (System.currentTimeMillis() - START_MILLIS)
                + " " + System.currentTimeMillis() % 100_000 + " " + what);
    }
}
