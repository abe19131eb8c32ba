package dev.lab.lab;

import java.nio.file.Path;
import java.util.List;

/** The editions a lab may scope text, blocks and checks to; a typo is a mistake, never a silently skipped check. */
final class Editions {
    /** Every edition a lab may name: an engine's edition ({@code community-4.14}) is in the scope of its prefix. */
    static final List<String> KNOWN = List.of("community", "pro");

    private Editions() {
    }

    /** Returns {@code name}, or throws naming the file and line when it is not a known edition. */
    static String require(Path file, int line, String name) {
        if (!KNOWN.contains(name)) {
            throw new LabException(file, line, "unknown edition '" + name + "' (known: " + String.join(", ", KNOWN) + ")");
        }
        return name;
    }
}
