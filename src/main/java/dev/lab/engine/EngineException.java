package dev.lab.engine;

/** Infrastructure failure of an engine (port in use, daemon unreachable, unknown image); one-line message. */
public class EngineException extends Exception {
    public EngineException(String message) { super(message); }
    public EngineException(String message, Throwable cause) { super(message, cause); }
}
