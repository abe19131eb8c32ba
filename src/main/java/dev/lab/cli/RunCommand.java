package dev.lab.cli;

import dev.lab.engine.Engine;
import dev.lab.host.HostLauncher;
import dev.lab.host.RemoteEngine;
import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.report.Reports;
import dev.lab.session.StepResult;
import dev.lab.trace.Trace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run <lab>}: every step headless, from a clean slate; exit 0 only if every check held. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every step of a lab headless and check each one; exit 0 only if all checks hold.",
                "Blocks use the built-in aws/awslocal; LAB_AWS_CLI=real uses the installed AWS CLI."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "lab id (see `lab list`) or lab folder")
    String labId;

    @Mixin
    LabOptions options;

    @Mixin
    ClassOptions classOptions;

    @Option(names = "--report-dir", description = "write <lab>.junit.xml and <lab>.json here")
    Path reportDir;

    @Option(names = "--quiet", description = "print only step verdicts and failed checks")
    boolean quiet;

    @Mixin
    CompactOption compact;

    @Option(names = "--from", paramLabel = "ID|N", description = "first step to run and report (earlier steps are fast-forwarded first)")
    String from;

    @Option(names = "--to", paramLabel = "ID|N", description = "last step to run and report (inclusive)")
    String to;

    @Override
    public Integer call() throws Exception {
        return runAll(false);
    }

    /**
     * Runs every step from a clean slate: a demonstration's {@code run} blocks and an exercise's
     * {@code solve} blocks (reported solved), or every step's {@code solve} blocks for {@code lab test}.
     */
    Integer runAll(boolean solve) throws Exception {
        // The S3 checks' SDK loads while this process reads the lab and waits for the engine host and the first steps.
        dev.lab.aws.S3Clients.warmUp();
        // A running engine host is reached while the lab is read; one is started only for a lab that can run.
        var soon = HostLauncher.running(options.home()) ? options.openEngineSoon() : null;
        Lab lab;
        Preflight preflight;
        try (var t = Trace.span("run load lab")) {
            lab = options.load(labId);
            preflight = new Preflight(lab); // a variant that does not parse: one line before the engine host starts
        } catch (RuntimeException e) {
            if (soon != null) soon.thenAccept(RemoteEngine::close);
            throw e;
        }
        options.headless = true;
        Trace.Span opening = Trace.span("run open engine");
        try (var lock = options.lock(lab, "lab " + (solve ? "test " : "run ") + labId);
             var engine = soon != null ? LabOptions.engine(soon) : options.openEngine()) {
            opening.close();
            return run(lab, engine, preflight, solve);
        }
    }

    /** Runs every step on the engine; the reports name the engine and the edition it reports at the end. */
    int run(Lab lab, Engine engine, Preflight preflight, boolean solve) throws Exception {
        PrintStream out = System.out;
        int first = StepOption.resolve(lab, from, 0, "--from");
        int last = StepOption.resolve(lab, to, lab.steps().size() - 1, "--to");
        if (last < first) throw new IllegalArgumentException("--to " + to + " comes before --from " + from);
        var results = new ArrayList<StepResult>();
        String edition;
        try (var session = options.session(lab, engine);
             var board = classOptions.join(session, options.home(), options.language(), out)) {
            try (var t = Trace.span("run reset before")) {
                session.resetAll();
            }
            try (var t = Trace.span("run ports free")) {
                preflight.portsFree();
            }
            edition = engine.edition();
            String opened = edition;
            line(out, "lab " + lab.id() + " — " + lab.title() + " [engine " + engine.name() + ", edition " + opened
                    + ", workspace " + session.workspace() + "]");
            lab.editionNote(opened).ifPresent(note -> line(out, opened + ": " + note));
            var printer = new StepPrinter(out, quiet, dev.lab.term.Texts.of(options.language())).compact(compact.compact ? CompactOption.width() : 0);
            boolean told = false;
            for (Step step : lab.steps().subList(0, first)) line(out, "» " + step.title());
            session.fastForward(first, new dev.lab.session.Listener() {});
            for (Step step : lab.steps().subList(first, last + 1)) {
                session.moveTo(step.number() - 1);
                printer.header(step);
                StepResult r;
                try (var t = Trace.span("step " + step.number())) {
                    r = solve ? session.solve(step, printer) : session.perform(step, printer);
                }
                if (!told && engine.reported().isPresent()) {
                    told = true;
                    out.println("LocalStack reports " + engine.reported().get() + ": the lab's " + engine.edition() + " checks apply");
                }
                String now = engine.edition();
                if (!now.equals(edition)) {
                    edition = now;
                    lab.editionNote(now).ifPresent(note -> line(out, now + ": " + note));
                }
                printer.result(r);
                results.add(r);
                session.activity().commands(step, r.commands().size());
                session.activity().checked(step, r.checks());
                session.activity().result(step, r.status());
            }
            // The clean-up is lab's, not the learner's: the board keeps them on the step they ended on.
            session.activity(null);
            try (var t = Trace.span("run reset after")) {
                session.resetAll();
            }
        }
        long passed = results.stream().filter(StepResult::passed).count();
        long checks = results.stream().mapToLong(r -> r.checks().size()).sum();
        long held = results.stream().flatMap(r -> r.checks().stream()).filter(c -> c.passed()).count();
        out.println();
        out.println(passed + "/" + results.size() + " steps held (" + Reports.counts(results) + "), " + held + "/" + checks + " checks held");
        if (reportDir != null) {
            Reports.write(reportDir, lab.id(), engine.name(), edition, results);
            out.println("reports: " + reportDir.resolve(lab.id() + ".junit.xml") + ", " + reportDir.resolve(lab.id() + ".json"));
        }
        return passed == results.size() ? 0 : 1;
    }

    /** A line as it is, or wrapped to the width with {@code --compact}. */
    private void line(PrintStream out, String text) {
        if (compact.compact) dev.lab.term.Width.wrap(text, CompactOption.width()).forEach(out::println);
        else out.println(text);
    }
}
