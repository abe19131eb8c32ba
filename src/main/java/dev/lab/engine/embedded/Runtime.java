package dev.lab.engine.embedded;

import dev.lab.engine.EngineException;

/** What runs inside an emulated container: the program its image would start. */
interface Runtime {

    /**
     * Starts the program; returns normally once it serves. A program that exits on its own at
     * start (permission denied, no licence) throws {@link Exited}; a host problem (port in use)
     * throws {@link EngineException}.
     */
    void start() throws Exited, EngineException;

    /**
     * Starts the program again on the state a stopped run left (see {@link EmbeddedEngine#restoreState}),
     * with the in-memory outcomes {@link #states()} recorded; a program with no such state just starts.
     */
    default void resume(java.util.Map<String, String> states) throws Exited, EngineException { start(); }

    /** In-memory outcomes a {@link #resume} needs back (LocalStack's init hook states); empty when none. */
    default java.util.Map<String, String> states() { return java.util.Map.of(); }

    /** Stops the program as {@code docker stop} does; returns the exit code it ended with (0 when it was not running). */
    int stop();

    /** The host port a container port is served on, or -1 when not listening. */
    int hostPort(int containerPort);

    /** The program ended at start with an exit code, after logging why. */
    final class Exited extends Exception {
        final int code;

        Exited(int code, String reason) {
            super(reason);
            this.code = code;
        }
    }
}
