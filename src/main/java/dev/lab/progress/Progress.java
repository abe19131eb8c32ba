package dev.lab.progress;

import dev.lab.fs.AtomicProperties;
import dev.lab.source.StateFileException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A learner's progress in one lab: the step they are on, the steps whose checks held after the
 * learner's own work ({@code passed}) and the exercises {@code solve} did for them ({@code solved}).
 * A step is in at most one of the two; a solved step stays solved until {@link #forget} (reset step).
 * The only writer of the progress file; writes are atomic (temp file + rename) so nothing is half-saved.
 */
public final class Progress {
    private final Path file;
    private String step;
    private final Set<String> passed = new LinkedHashSet<>();
    private final Set<String> solved = new LinkedHashSet<>();

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
            if (!key.equals("step") && !key.equals("passed") && !key.equals("solved")) throw corrupt(file, "garbled: unknown entry '" + shorten(key) + "'");
        }
        if (!props.containsKey("passed")) throw corrupt(file, "garbled: no 'passed' entry");
        p.step = props.getProperty("step");
        for (String s : props.getProperty("passed").split(",")) if (!s.isBlank()) p.passed.add(s.trim());
        // Files written before exercises existed have no 'solved' entry.
        for (String s : props.getProperty("solved", "").split(",")) if (!s.isBlank()) p.solved.add(s.trim());
        var known = new HashSet<>(steps);
        if (p.step != null && !known.contains(p.step)) throw corrupt(file, "step '" + shorten(p.step) + "' is not a step of this lab");
        for (String id : p.passed) if (!known.contains(id)) throw corrupt(file, "step '" + shorten(id) + "' is not a step of this lab");
        for (String id : p.solved) {
            if (!known.contains(id)) throw corrupt(file, "step '" + shorten(id) + "' is not a step of this lab");
            if (p.passed.contains(id)) throw corrupt(file, "step '" + shorten(id) + "' is both passed and solved");
        }
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

    /** Whether the step's checks held after the learner's own work. */
    public boolean passed(String stepId) { return passed.contains(stepId); }

    /** Whether {@code solve} did the step for the learner. */
    public boolean solved(String stepId) { return solved.contains(stepId); }

    public void at(String stepId) {
        step = stepId;
        save();
    }

    /** Records that the step's checks held; a step {@code solve} did stays solved (its checks hold because of it). */
    public void markPassed(String stepId) {
        if (solved.contains(stepId) || !passed.add(stepId)) return;
        save();
    }

    /** Records that {@code solve} did the step and its checks held. */
    public void markSolved(String stepId) {
        passed.remove(stepId);
        solved.add(stepId);
        save();
    }

    /** Forgets the step's outcome: its starting state was rebuilt, so the learner does it again. */
    public void forget(String stepId) {
        if (passed.remove(stepId) | solved.remove(stepId)) save();
    }

    /** Forgets everything (reset all). */
    public void clear() {
        step = null;
        passed.clear();
        solved.clear();
        save();
    }

    private void save() {
        var props = new Properties();
        if (step != null) props.setProperty("step", step);
        props.setProperty("passed", String.join(",", passed));
        props.setProperty("solved", String.join(",", solved));
        try {
            AtomicProperties.store(file, props, "lab progress");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save progress " + file, e);
        }
    }
}
