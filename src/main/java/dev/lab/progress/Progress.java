package dev.lab.progress;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** Loads the progress file, or starts empty when there is none. */
    public static Progress load(Path file) {
        var p = new Progress(file);
        if (Files.isRegularFile(file)) {
            var props = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                props.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read progress " + file, e);
            }
            p.step = props.getProperty("step");
            String list = props.getProperty("passed", "");
            for (String s : list.split(",")) if (!s.isBlank()) p.passed.add(s.trim());
        }
        return p;
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
