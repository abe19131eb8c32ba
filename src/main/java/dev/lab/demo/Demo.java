package dev.lab.demo;

import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.repl.ReplShell;
import dev.lab.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    private int index;
    private List<Commands.Command> commands = List.of();
    private int next;
    private boolean checked;

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
        }
    }

    private void enter(int k) throws Exception {
        index = k;
        session.moveTo(k);
        Step step = lab.steps().get(k);
        out.step(step, lab.steps().size());
        if (step.variant() != null && !step.variant().equals(session.variant())) session.useVariant(step.variant(), out.variants());
        commands = Commands.of(step, session.engine().edition());
        next = 0;
        checked = false;
        stepSince = System.currentTimeMillis();
    }

    private void showChecks() {
        checked = true;
        Step step = lab.steps().get(index);
        if (session.hasChecks(step)) out.checks(session.check(step));
        if (index + 1 == lab.steps().size()) out.dim(out.texts().get("demo.end"));
    }

    /** The presenter changed the state of this step: the boundaries after it no longer hold. */
    private void dirty() throws IOException {
        if (snapshots != null) snapshots.dropAfter(index);
    }

    private void jump(int target, String key) throws Exception {
        long t0 = System.nanoTime();
        boolean done = next >= commands.size();
        if (target == index + 1 && done) {
            if (snapshots != null) snapshots.save(target);
        } else if (snapshots != null) {
            if (target <= index || snapshots.has(target)) {
                snapshots.restore(target);
            } else {
                if (!done) {
                    snapshots.restore(index);
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
        long millis = (System.nanoTime() - t0) / 1_000_000;
        enter(target);
        out.dim(out.texts().get("demo.moved", target + 1, millis));
        Files.writeString(jumpsFile, key + " " + (target + 1) + " " + millis + (snapshots != null ? " snapshot" : " replay") + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
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
