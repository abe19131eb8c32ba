package dev.lab.emulator;

import java.io.IOException;

/** Thrown by {@link LocalStackEmulator#start()} when its host port is already taken. */
public final class PortInUseException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " is already in use on " + host, cause);
        this.port = port;
    }

    /** The port that could not be bound. */
    public int port() {
        return port;
    }
}
