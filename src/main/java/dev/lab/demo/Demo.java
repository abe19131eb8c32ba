package dev.lab.demo;

import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.repl.ReplShell;
import dev.lab.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code lab demo}: steps shown compact, each command typed out ({@link Typing}) and run for real in
 * the lab's bash when the presenter presses Enter, the checks after each step. Moving between steps
 * restores the snapshot of that step boundary when the engine keeps them ({@link Snapshots}), else
 * replays from a clean slate as {@code goto} does.
 */
public final class Demo {
    private final Session session;
    private final Lab lab;
    private final ReplShell shell;
    private final Keys keys;
    private final Audience out;
    private final Snapshots snapshots;
    private final Path statusFile;
    private final Path jumpsFile;
    private final long startedAt = System.currentTimeMillis();
    private long stepSince;
    private String edition;
    private int index;
    private List<Commands.Command> commands = List.of();
    private int next;
    private boolean checked;
    private CompletableFuture<Void> pending;
    // Cutting a step's blocks asks bash once a line: done once per step, not on every move.
    private final java.util.Map<Integer, List<Commands.Command>> cut = new java.util.HashMap<>();

    /**
     * @param snapshots where boundary snapshots go, or null to replay (an engine without snapshots)
     * @param state     the lab home's state folder: the status file {@code --notes} follows goes there
     */
    public Demo(Session session, ReplShell shell, Keys keys, Path snapshots, Path state) throws IOException {
        this.session = session;
        this.lab = session.lab();
        this.shell = shell;
        this.keys = keys;
        this.out = keys.audience();
        this.snapshots = snapshots != null && session.snapshots() ? new Snapshots(snapshots, session) : null;
        this.statusFile = Status.file(state, lab.id());
        this.jumpsFile = statusFile.resolveSibling(lab.id() + ".jumps");
        Files.deleteIfExists(jumpsFile);
    }

    /** Runs the demo from a clean slate, opening at step {@code start} (0-based); returns the exit code. */
    public int run(int start) throws Exception {
        edition = session.engine().edition();
        session.resetAll();
        if (snapshots != null) snapshots.save(0);
        if (start > 0) forward(0, start);
        enter(start);
        try {
            while (true) {
                writeStatus();
                Keys.Action a;
                if (next < commands.size()) {
                    a = keys.command(commands.get(next).text());
                } else {
                    if (!checked) showChecks();
                    a = keys.between(index + 1 < lab.steps().size());
                }
                if (a.kind() != Keys.Action.Kind.SKIP) settle();
                switch (a.kind()) {
                    case RUN -> {
                        dirty();
                        shell.run(commands.get(next++).text());
                    }
                    case SKIP -> next++;
                    case NEXT -> { if (index + 1 < lab.steps().size()) jump(index + 1, "n"); }
                    case PREV -> { if (index > 0) jump(index - 1, "p"); }
                    case RESET -> jump(index, "r");
                    case GOTO -> {
                        var target = lab.step(a.argument());
                        if (target.isPresent()) jump(target.get().number() - 1, "g");
                        else out.line(out.texts().get("demo.noStep", a.argument()));
                    }
                    case LIVE -> {
                        dirty();
                        shell.run(a.argument());
                    }
                    case QUIT -> { return 0; }
                }
            }
        } finally {
            Files.deleteIfExists(statusFile);
            if (pending != null) pending.exceptionally(e -> null).join();
        }
    }

    private void enter(int k) throws Exception {
        index = k;
        session.moveTo(k);
        Step step = lab.steps().get(k);
        out.step(step, lab.steps().size());
        if (step.variant() != null && !step.variant().equals(session.variant())) session.useVariant(step.variant(), out.variants());
        commands = cut.computeIfAbsent(k, i -> Commands.of(step, edition));
        next = 0;
        checked = false;
        stepSince = System.currentTimeMillis();
    }

    private void showChecks() throws Exception {
        settle();
        checked = true;
        Step step = lab.steps().get(index);
        if (session.hasChecks(step)) out.checks(session.check(step));
        if (index + 1 == lab.steps().size()) out.dim(out.texts().get("demo.end"));
    }

    /** The presenter changed the state of this step: the boundaries after it no longer hold. */
    private void dirty() throws IOException {
        if (snapshots != null) snapshots.dropAfter(index);
    }

    /** Waits for an engine restore still under way; a failed one is reported and leaves the demo where it is. */
    private void settle() throws Exception {
        if (pending == null) return;
        var p = pending;
        pending = null;
        try {
            p.join();
        } catch (java.util.concurrent.CompletionException e) {
            out.line("✗ " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    private void jump(int target, String key) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Void> restoring = null;
        boolean done = next >= commands.size();
        if (target == index + 1 && done) {
            if (snapshots != null) snapshots.save(target);
        } else if (snapshots != null) {
            if (target <= index || snapshots.has(target)) {
                restoring = snapshots.restore(target);
            } else {
                if (!done) {
                    snapshots.restore(index).join();
                    forward(index, target);
                } else {
                    snapshots.save(index + 1);
                    forward(index + 1, target);
                }
            }
        } else if (target > index && done) {
            forward(index + 1, target);
        } else {
            out.dim(out.texts().get("demo.replaying", target + 1));
            session.resetAll();
            forward(0, target);
        }
        enter(target);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        out.dim(out.texts().get("demo.moved", target + 1, millis));
        String move = key + " " + (target + 1) + " " + millis + (snapshots != null ? " snapshot" : " replay");
        if (restoring == null) {
            record(move + " " + millis);
        } else {
            // The engine comes back while the presenter types: the move is recorded with both times once it has.
            pending = restoring.whenComplete((v, e) -> record(move + " " + (System.nanoTime() - t0) / 1_000_000));
        }
    }

    /** One move in the jumps file: key, step, ms until keys are taken again, how, ms until the engine is back too. */
    private void record(String line) {
        try {
            Files.writeString(jumpsFile, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Does steps {@code from}..{@code to}-1 headless, one progress line each, keeping each boundary after. */
    private void forward(int from, int to) throws Exception {
        for (int k = from; k < to; k++) {
            Step step = lab.steps().get(k);
            out.dim("» " + step.number() + "/" + lab.steps().size() + " " + step.title());
            session.moveTo(k);
            var r = session.perform(step, out.progress());
            if (r.error() != null) out.line("✗ " + r.error());
            if (snapshots != null) snapshots.save(k + 1);
        }
    }

    private void writeStatus() throws IOException {
        Step step = lab.steps().get(index);
        new Status(ProcessHandle.current().pid(), step.number(), step.id(), next < commands.size() ? commands.get(next).text() : "",
                startedAt, stepSince).write(statusFile);
    }
}
