package dev.lab.repl;

import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.session.Stopped;
import dev.lab.term.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * The REPL's moves between steps (welcome, show, next/prev, goto, reset step) and what it says
 * when step work was stopped: where the lab now stands, which the progress file then records.
 */
final class ReplSteps {
    private final Session session;
    private final Progress progress;
    private final Screen out;
    private final Texts texts;
    private final Worker worker;

    ReplSteps(Session session, Progress progress, Screen out, Worker worker) {
        this.session = session;
        this.progress = progress;
        this.out = out;
        this.texts = out.texts();
        this.worker = worker;
    }

    void welcome() {
        var lab = session.lab();
        var engine = session.engine();
        out.heading(lab.title());
        out.println(texts.get("repl.banner", engine.name(), engine.edition(), session.workspace()));
        lab.editionNote(engine.edition()).ifPresent(note -> out.markdown("> **" + engine.edition() + "**: " + note));
        progress.step().flatMap(id -> lab.steps().stream().filter(s -> s.id().equals(id)).findFirst()).ifPresentOrElse(s -> {
            session.moveTo(s.number() - 1);
            out.println(texts.get("repl.resuming", s.number()));
        }, () -> out.markdown(lab.introMarkdown()));
        session.activity().entered(session.current(), lab.steps().size());
        out.println(texts.get("repl.typeHelp"));
        show(session.current());
    }

    void list() {
        var rows = new ArrayList<List<String>>();
        for (Step s : session.lab().steps()) {
            String mark = s.number() - 1 == session.index() ? "▶" : progress.passed(s.id()) ? "✓" : progress.solved(s.id()) ? "◐" : " ";
            rows.add(List.of(mark, String.valueOf(s.number()), s.id(), s.title() + (s.exercise() ? "  " + texts.get("repl.exerciseTag") : "")));
        }
        out.table(List.of("", "#", "id", texts.get("col.title")), rows);
        out.println(texts.get("repl.stepsLegend"));
    }

    /** What an exercise asks: its {@code run} blocks as suggestions, and how to work on it. Changes nothing. */
    void task(Step s) {
        out.println(texts.get("exercise.task", s.number()));
        var suggestions = s.runBlocks().stream().filter(b -> Session.appliesTo(b.edition(), session.engine().edition()))
                .map(b -> "```bash\n" + b.content() + "\n```").toList();
        if (!suggestions.isEmpty()) {
            out.println(texts.get("exercise.try"));
            suggestions.forEach(out::markdown);
        }
        if (s.variant() != null && !s.variant().equals(session.variant())) out.println(texts.get("exercise.variant", s.variant()));
        out.println(texts.get("exercise.how"));
    }

    void show(Step s) {
        out.heading(s.title() + (s.exercise() ? "   " + texts.get("repl.exerciseTag") : "")
                + (s.variant() == null ? "" : "   " + texts.get("repl.variantTag", s.variant())));
        out.markdown(s.displayMarkdown());
    }

    void move(int index) {
        if (index < 0 || index >= session.lab().steps().size()) {
            out.println(texts.get(index < 0 ? "repl.firstStep" : "repl.lastStep"));
            return;
        }
        session.moveTo(index);
        progress.at(session.current().id());
        show(session.current());
    }

    /** Runs the current step's work (run, solve) with its commands and output on screen. */
    <T> T work(Worker.Work<T> work) throws Exception {
        return worker.run(out.listener(), work);
    }

    void jump(Step target) throws Exception {
        int to = target.number() - 1;
        if (to < session.index()) {
            out.println(texts.get("repl.resetAndReplay", to));
            session.resetAll();
        }
        if (to > session.index()) out.println(texts.get("repl.replay", session.index() + 1, to));
        if (!replay(to)) return;
        progress.at(target.id());
        show(target);
    }

    /** Rebuilds the current step's starting state: a clean slate, then every earlier step for real. */
    void resetStep() throws Exception {
        int at = session.index();
        progress.forget(session.current().id());
        // The learner's files go with the wipe; what the replay puts in their place, they get back as backups.
        try (var listener = out.listener()) {
            session.keepingEdits(listener, () -> {
                session.resetAll();
                if (replay(at)) out.println(texts.get("repl.resetStepDone", at + 1));
                return null;
            });
        }
    }

    /** Replays from the current step up to {@code to}; false (and said why) when it was stopped. */
    private boolean replay(int to) throws Exception {
        int from = session.index();
        try {
            worker.run(out.quietListener(), l -> {
                session.fastForward(to, l);
                return null;
            });
            return true;
        } catch (Stopped s) {
            stopped(s, from);
            return false;
        }
    }

    /** Says where stopped work left the lab, and records that step as the one the learner is on. */
    void stopped(Stopped s, int replayedFrom) {
        Step step = s.step();
        String key = s.beforeChecks() ? "stop.checks" : s.command() == null ? "stop.before" : "stop.during";
        out.error(texts.get(key, step.number(), step.id(), s.command()));
        if (replayedFrom < step.number() - 1) out.println(texts.get("stop.replayed", replayedFrom + 1, step.number() - 1));
        out.println(texts.get("stop.where", step.number(), step.id()));
        progress.at(step.id());
    }
}
