package dev.lab.check;

/** A check line that does not parse; the message names what is wrong and lists the forms. */
public final class CheckSyntaxException extends RuntimeException {
    public CheckSyntaxException(String message) { super(message); }
}
