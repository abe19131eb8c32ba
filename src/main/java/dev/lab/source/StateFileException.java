package dev.lab.source;

import java.nio.file.Path;

/**
 * A file lab or the engine wrote earlier that cannot be read back (binary, garbled, or about
 * another lab). The message names the file, what is wrong and what to do, e.g. {@code
 * …/progress/persistence.properties: not a progress file (binary); delete it to start the lab
 * over}; lab never silently starts over in its place.
 */
public final class StateFileException extends SourceException {
    /**
     * @param file    the unreadable file
     * @param problem what is wrong with it and what to do, one line
     */
    public StateFileException(Path file, String problem) {
        super(file, 0, problem);
    }
}
