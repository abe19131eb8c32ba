package dev.lab.fs;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Writes a properties file whole or not at all: a temporary file beside it, then an atomic rename. */
public final class AtomicProperties {
    private AtomicProperties() {
    }

    /** Stores {@code props} as {@code file}, creating its folder; a reader never sees half a file. */
    public static void store(Path file, Properties props, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            props.store(w, comment);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
