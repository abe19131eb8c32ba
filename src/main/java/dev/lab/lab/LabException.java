package dev.lab.lab;

import dev.lab.source.SourceException;
import java.nio.file.Path;

/** A mistake in a lab's source files, e.g. {@code labs/persistence/lab.ko.md:12: unknown block attribute 'expct=fail'}. */
public final class LabException extends SourceException {
    public LabException(Path file, int line, String problem) {
        super(file, line, problem);
    }
}
