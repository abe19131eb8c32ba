package dev.lab.cli;

import dev.lab.host.RemoteEngine;
import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.repl.Repl;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code lab start <lab>}: the interactive REPL, resuming where the learner stopped. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Open a lab in the interactive REPL (type `help` there).")
final class StartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "lab id (see `lab list`) or lab folder")
    String labId;

    @Mixin
    LabOptions options;

    @Mixin
    ClassOptions classOptions;

    @Mixin
    StepOption step;

    @Mixin
    CompactOption compact;

    /** {@code --step}: from a clean slate, the steps before it done for real, the progress at it. */
    private void openAt(Lab lab, dev.lab.session.Session session, Progress progress) throws Exception {
        int index = step.index(lab);
        session.resetAll();
        progress.clear();
        for (Step s : lab.steps().subList(0, index)) System.out.println("» " + s.title());
        session.fastForward(index, new dev.lab.session.Listener() {});
        progress.at(lab.steps().get(index).id());
    }

    @Override
    public Integer call() throws Exception {
        dev.lab.trace.Trace.mark("start");
        var folder = options.folder(labId);
        var engineSoon = options.openEngineSoon();
        var taken = false;
        try {
            Lab lab = options.load(folder);
            step.index(lab);
            var home = options.home();
            try (var lock = options.lock(lab, "lab start " + labId)) {
                var progress = Progress.load(home.progressFile(lab.id()), lab.steps().stream().map(Step::id).toList());
                dev.lab.trace.Trace.mark("lab loaded");
                taken = true;
                try (var engine = LabOptions.engine(engineSoon);
                     var session = options.session(lab, engine);
                     var board = classOptions.join(session, home, options.language(), System.out)) {
                    dev.lab.trace.Trace.mark("engine and session open");
                    if (step.step != null) openAt(lab, session, progress);
                    return new Repl(session, progress, home.history(), options.language(), session.toolbox().env()).compact(compact.compact).run();
                }
            }
        } finally {
            // A bad lab file or a lab in use by another process: the engine opened meanwhile is let go.
            if (!taken) engineSoon.thenAccept(RemoteEngine::close);
        }
    }
}
