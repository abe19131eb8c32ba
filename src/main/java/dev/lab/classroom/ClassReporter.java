package dev.lab.classroom;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Activity;
import dev.lab.session.StepResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A learner's side of the class board: turns what the runner tells ({@link Activity}) into
 * {@link Event}s, queues them on disk and lets a {@link Sender} thread deliver them.
 *
 * <pre>{@code
 * var reporter = ClassReporter.open(stateFolder, "http://10.0.0.5:8080/join/ab12cd34", "Mina", "persistence");
 * session.activity(reporter);   // ... reporter.close() sends what is left, for a few seconds at most
 * }</pre>
 */
public final class ClassReporter implements Activity {
    private static final long FLUSH_MILLIS = 5_000;
    private final Outbox outbox;
    private final Sender sender;
    private final Thread thread;
    private final String lab;
    private String lastStep;

    private ClassReporter(Outbox outbox, ClassUrl url, String name, String lab) {
        this.outbox = outbox;
        this.lab = lab;
        this.sender = new Sender(outbox, url, name);
        this.thread = new Thread(sender, "class-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Joins the class at {@code joinUrl} as {@code name}: the queue is {@code <state>/class/<key>.db},
     * one per (class, name), so events queued offline go out on the next start.
     */
    public static ClassReporter open(Path state, String joinUrl, String name, String lab) {
        if (name == null || name.isBlank() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--name (or LAB_NAME) must be 1 to 64 printable characters");
        }
        ClassUrl url = ClassUrl.join(joinUrl);
        Path file = state.resolve("class").resolve(key(url.base() + "/" + url.secret() + "\n" + name.strip()) + ".db");
        return new ClassReporter(new Outbox(file), url, name.strip(), lab);
    }

    private static String key(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void entered(Step step, int stepCount) {
        if (step.id().equals(lastStep)) return;
        lastStep = step.id();
        add(step, "step", stepCount, null, null, null);
    }

    @Override
    public void commands(Step step, int count) {
        if (count > 0) add(step, "commands", count, null, null, null);
    }

    @Override
    public void checked(Step step, List<CheckResult> results) {
        for (CheckResult r : results) add(step, "check", null, clip(r.check()), r.passed(), null);
    }

    @Override
    public void result(Step step, StepResult.Status status) { add(step, "result", null, null, null, status.word()); }

    @Override
    public void hint(Step step) { add(step, "hint", null, null, null, null); }

    private static String clip(String s) { return s.length() <= 500 ? s : s.substring(0, 499) + "…"; }

    private void add(Step step, String kind, Integer count, String check, Boolean passed, String status) {
        try {
            outbox.add(new Event(UUID.randomUUID().toString(), System.currentTimeMillis(), lab, step.id(), step.number(), kind, count, check, passed, status));
            sender.poke();
        } catch (IllegalStateException e) {
            // The board is a bystander: a full disk must not end the learner's lab.
        }
    }

    /** Events still queued (not yet acknowledged by the board). */
    public int queued() {
        try {
            return outbox.size();
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    /** Why sending failed last, or null. */
    public String problem() { return sender.lastProblem(); }

    @Override
    public void close() {
        sender.stop();
        try {
            thread.join(2_000);
            long end = System.currentTimeMillis() + FLUSH_MILLIS;
            while (System.currentTimeMillis() < end && !thread.isAlive() && sender.sendOnce()) { /* next batch */ }
        } catch (Exception e) {
            // left queued: the next start with --class sends them
        } finally {
            if (!thread.isAlive()) outbox.close();
        }
    }
}
