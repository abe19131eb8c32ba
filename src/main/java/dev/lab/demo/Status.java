package dev.lab.demo;

import dev.lab.fs.AtomicProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The small file a running demo keeps in the lab's state folder for {@code lab demo --notes}: which
 * step it is on, the next command, and since when. Written whole and renamed into place, so a
 * reader never sees half of it.
 *
 * @param pid         the demo's process, to tell a demo that ended without cleaning up
 * @param step        the current step's number (1-based)
 * @param stepId      the current step's id (notes are found by id, in the reader's language)
 * @param next        the next command to type, empty at the end of a step
 * @param startedAt   when the demo started (epoch ms)
 * @param stepSince   when the current step was entered (epoch ms)
 */
record Status(long pid, int step, String stepId, String next, long startedAt, long stepSince) {

    static Path file(Path state, String lab) { return state.resolve("demo").resolve(lab + ".properties"); }

    void write(Path file) throws IOException {
        var p = new Properties();
        p.setProperty("pid", String.valueOf(pid));
        p.setProperty("step", String.valueOf(step));
        p.setProperty("stepId", stepId);
        p.setProperty("next", next);
        p.setProperty("startedAt", String.valueOf(startedAt));
        p.setProperty("stepSince", String.valueOf(stepSince));
        Files.createDirectories(file.getParent());
        AtomicProperties.store(file, p, "lab demo in progress");
    }

    /** The status of a demo that is running now, if any. */
    static Optional<Status> read(Path file) {
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            var s = new Status(Long.parseLong(p.getProperty("pid")), Integer.parseInt(p.getProperty("step")),
                    p.getProperty("stepId"), p.getProperty("next", ""), Long.parseLong(p.getProperty("startedAt")),
                    Long.parseLong(p.getProperty("stepSince")));
            return ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive).map(h -> s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
