package dev.lab.progress;

import dev.lab.source.StateFileException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A learner's progress in one lab: the step they are on and the steps whose checks held. The only
 * writer of the progress file; writes are atomic (temp file + rename) so nothing is half-saved.
 */
public final class Progress {
    private final Path file;
    private String step;
    private final Set<String> passed = new LinkedHashSet<>();

    private Progress(Path file) { this.file = file; }

    /**
     * Loads the progress file, or starts empty when there is none.
     *
     * @param steps the lab's step ids; a file naming any other step is not this lab's progress
     * @throws StateFileException naming the file when it is not a progress file lab wrote
     */
    public static Progress load(Path file, Collection<String> steps) {
        var p = new Progress(file);
        if (!Files.exists(file)) return p;
        var props = new Properties();
        try {
            props.load(new StringReader(Files.readString(file)));
        } catch (CharacterCodingException e) {
            throw corrupt(file, "binary, not text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read progress " + file + ": " + e.getMessage(), e);
        }
        for (String key : props.stringPropertyNames()) {
            if (!key.equals("step") && !key.equals("passed")) throw corrupt(file, "garbled: unknown entry '" + shorten(key) + "'");
        }
        if (!props.containsKey("passed")) throw corrupt(file, "garbled: no 'passed' entry");
        p.step = props.getProperty("step");
        for (String s : props.getProperty("passed").split(",")) if (!s.isBlank()) p.passed.add(s.trim());
        var known = new HashSet<>(steps);
        if (p.step != null && !known.contains(p.step)) throw corrupt(file, "step '" + shorten(p.step) + "' is not a step of this lab");
        for (String id : p.passed) if (!known.contains(id)) throw corrupt(file, "step '" + shorten(id) + "' is not a step of this lab");
        return p;
    }

    private static StateFileException corrupt(Path file, String why) {
        return new StateFileException(file, "not a progress file lab wrote (" + why + "); delete it to start the lab over at step 1");
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    /** The step id the learner was on. */
    public Optional<String> step() { return Optional.ofNullable(step); }

    public boolean passed(String stepId) { return passed.contains(stepId); }

    public void at(String stepId) {
        step = stepId;
        save();
    }

    public void markPassed(String stepId) {
        passed.add(stepId);
        save();
    }

    /** Forgets everything (reset all). */
    public void clear() {
        step = null;
        passed.clear();
        save();
    }

    private void save() {
        var props = new Properties();
        if (step != null) props.setProperty("step", step);
        props.setProperty("passed", String.join(",", passed));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                props.store(w, "lab progress");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save progress " + file, e);
        }
    }
}
