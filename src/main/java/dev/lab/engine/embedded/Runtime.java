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

    /** Stops the program gracefully; idempotent. */
    void stop();

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
