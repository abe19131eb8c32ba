package dev.lab.repl;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The REPL's history file, checked before JLine reads it: JLine's reader throws on a file that is
 * not UTF-8 and silently drops lines it cannot parse. A bad file is moved aside, with a warning
 * that names both paths, and the REPL starts a fresh one.
 */
final class HistoryFile {
    /** One entry as JLine writes it (timestamped history, its default): {@code <epoch millis>:<line>}. */
    private static final Pattern ENTRY = Pattern.compile("\\d+:.*");

    private HistoryFile() {}

    /** Moves the file aside when it is not a history JLine wrote; returns the warning to print, if any. */
    static Optional<String> vet(Path file, dev.lab.term.Texts t) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String why = null;
        try {
            if (!Files.readAllLines(file).stream().allMatch(l -> l.isEmpty() || ENTRY.matcher(l).matches())) why = "garbled";
        } catch (CharacterCodingException e) {
            why = "binary";
        }
        if (why == null) return Optional.empty();
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return Optional.of(t.get("history.corrupt", file, t.get("history." + why), aside));
    }
}
