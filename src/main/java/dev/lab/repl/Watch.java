package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Session;
import dev.lab.term.Texts;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * {@code watch}, as rustlings has it: the current step's checks run again whenever a workspace file
 * changes (after {@value #DEBOUNCE_MS} ms of quiet) or the engine's state does (polled every
 * {@value #POLL_MS} ms); the table is printed when the outcome changes, and when every check holds
 * the step is passed and watching goes on with the next one. Enter or Ctrl-C leaves.
 */
final class Watch {
    static final long DEBOUNCE_MS = 300;
    static final long POLL_MS = 1000;

    private final Session session;
    private final Screen out;
    private final Texts texts;
    private final Terminal terminal;
    private final ReplSteps steps;
    private final ReplChecks checks;

    Watch(Session session, Screen out, Terminal terminal, ReplSteps steps, ReplChecks checks) {
        this.session = session;
        this.out = out;
        this.texts = out.texts();
        this.terminal = terminal;
        this.steps = steps;
        this.checks = checks;
    }

    void run() throws IOException {
        if (nothingToCheck()) return;
        out.println(texts.get("watch.start"));
        var leave = new AtomicBoolean();
        var previous = terminal.handle(Terminal.Signal.INT, s -> leave.set(true));
        // A read with a timeout only times out outside canonical mode; raw mode keeps ISIG, so Ctrl-C still signals.
        var attributes = terminal.enterRawMode();
        try (var files = new FileWatch(session.workspace())) {
            List<Boolean> outcome = null;
            String engine = null;
            long quietSince = 0;
            long polled = 0;
            boolean due = true;
            while (!leave.get()) {
                int c = terminal.reader().read(100);
                if (c == '\n' || c == '\r' || c == NonBlockingReader.EOF) break;
                long now = System.nanoTime();
                if (files.changed()) quietSince = now;
                if (quietSince != 0 && now - quietSince >= TimeUnit.MILLISECONDS.toNanos(DEBOUNCE_MS)) {
                    quietSince = 0;
                    due = true;
                }
                if (now - polled >= TimeUnit.MILLISECONDS.toNanos(POLL_MS)) {
                    polled = now;
                    String state = EngineSignature.of(session);
                    if (engine != null && !engine.equals(state)) due = true;
                    engine = state;
                }
                if (!due) continue;
                due = false;
                Step step = session.current();
                List<CheckResult> results = session.check(step);
                var held = results.stream().map(CheckResult::passed).toList();
                if (held.equals(outcome)) continue;
                outcome = held;
                if (checks.attempt(step, results)) {
                    out.success(texts.get("watch.passed", step.number()));
                    if (step.number() == session.lab().steps().size()) {
                        out.println(texts.get("repl.lastStep"));
                        break;
                    }
                    steps.move(session.index() + 1);
                    if (nothingToCheck()) break;
                    outcome = null;
                    due = true;
                }
            }
        } finally {
            terminal.setAttributes(attributes);
            terminal.handle(Terminal.Signal.INT, previous);
        }
        out.println(texts.get("watch.left"));
    }

    private boolean nothingToCheck() {
        if (session.hasChecks(session.current())) return false;
        out.println(texts.get("watch.nothing", session.current().number()));
        return true;
    }
}
