package dev.lab.repl;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.session.StepResult;
import dev.lab.session.Stopped;
import dev.lab.term.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;

/**
 * The REPL's commands, each declared once (name, help, argument, action): the help table, the
 * completer and the dispatch all come from that list. Arguments are checked before anything runs;
 * step work runs on a {@link Worker} that Ctrl-C stops.
 */
final class ReplCommands {
    /** What a command accepts, checked before it runs and offered by the completer. */
    enum Arg { NONE, OPTIONAL_STEP, STEP, RESET, VARIANT, FILE }

    private interface Action {
        void run(String arg) throws Exception;
    }

    private record Cmd(String usage, String helpKey, Arg arg, Action action) {}

    private final Session session;
    private final Progress progress;
    private final Screen out;
    private final Texts texts;
    private final Worker worker;
    private final Map<String, Cmd> commands = new LinkedHashMap<>();
    private final Map<String, Integer> hintsShown = new HashMap<>();
    private final Attempts attempts = new Attempts();
    private final ReplSteps steps;
    private final Watch watch;
    private final ReplShell shell;

    ReplCommands(Session session, Progress progress, Screen out, Terminal terminal, ReplShell shell) {
        this.shell = shell;
        this.session = session;
        this.progress = progress;
        this.out = out;
        this.texts = out.texts();
        this.worker = new Worker(terminal, session.stopSwitch());
        this.steps = new ReplSteps(session, progress, out, worker);
        this.watch = new Watch(session, progress, out, terminal, steps, attempts);
        add("help", "help", "help.help", Arg.NONE, a -> help());
        add("steps", "steps", "help.steps", Arg.NONE, a -> steps.list());
        add("show", "show [n]", "help.show", Arg.OPTIONAL_STEP, a -> steps.show(a.isEmpty() ? session.current() : step(a)));
        add("next", "next, prev", "help.move", Arg.NONE, a -> steps.move(session.index() + 1));
        add("prev", null, null, Arg.NONE, a -> steps.move(session.index() - 1));
        add("goto", "goto <n|id>", "help.goto", Arg.STEP, a -> steps.jump(step(a)));
        add("run", "run", "help.run", Arg.NONE, a -> {
            if (session.current().exercise()) steps.task(session.current());
            else report(steps.work(l -> session.run(session.current(), l)));
        });
        add("check", "check", "help.check", Arg.NONE, a -> check());
        add("watch", "watch", "help.watch", Arg.NONE, a -> watch.run());
        add("hint", "hint", "help.hint", Arg.NONE, a -> hint());
        add("solve", "solve", "help.solve", Arg.NONE, a -> report(steps.work(l -> session.solve(session.current(), l))));
        add("reset", "reset [step|all]", "help.reset", Arg.RESET, this::reset);
        add("variant", "variant [name]", "help.variant", Arg.VARIANT, this::variant);
        add("state", "state", "help.state", Arg.NONE, a -> State.print(session, out));
        add("edit", "edit [file]", "help.edit", Arg.FILE, shell::edit);
        // No action: leaving is the loop's business.
        for (String quit : List.of("quit", "exit", "q")) add(quit, quit.equals("quit") ? "quit" : null, "help.quit", Arg.NONE, null);
        commands.put("?", commands.get("help"));
    }

    private void add(String name, String usage, String helpKey, Arg arg, Action action) {
        commands.put(name, new Cmd(usage, helpKey, arg, action));
    }

    Completer completer() {
        var ids = new ArrayList<String>();
        for (Step s : session.lab().steps()) {
            ids.add(String.valueOf(s.number()));
            ids.add(s.id());
        }
        var completers = new ArrayList<Completer>();
        commands.forEach((name, c) -> {
            if (name.equals("?")) return;
            Completer args = switch (c.arg()) {
                case NONE -> NullCompleter.INSTANCE;
                case STEP, OPTIONAL_STEP -> new StringsCompleter(ids);
                case RESET -> new StringsCompleter("step", "all");
                case VARIANT -> new StringsCompleter(session.lab().variants().keySet());
                case FILE -> ShellCompleter.files(shell::cwd);
            };
            completers.add(new ArgumentCompleter(new StringsCompleter(name), args, NullCompleter.INSTANCE));
        });
        completers.add(new ShellCompleter(this::isCommand, shell::cwd, shell.env()));
        return new AggregateCompleter(completers);
    }

    /** Whether {@code word} is one of the REPL's own commands; any other line goes to bash. */
    boolean isCommand(String word) { return commands.containsKey(word); }

    String prompt() {
        Step s = session.current();
        return session.lab().id() + " [" + s.number() + "/" + session.lab().steps().size() + " " + s.id() + "]> ";
    }

    void welcome() { steps.welcome(); }

    /** Executes one line; returns false to leave the REPL. */
    boolean execute(String line) {
        if (line.isEmpty()) return true;
        if (line.startsWith("!")) {
            shell.run(line.substring(1));
            session.activity().commands(session.current(), 1);
            return true;
        }
        String[] w = line.split("\\s+", 2);
        String arg = w.length > 1 ? w[1].trim() : "";
        Cmd cmd = commands.get(w[0]);
        if (cmd == null) {
            shell.run(line);
            session.activity().commands(session.current(), 1);
            return true;
        }
        try {
            checkArgument(w[0], cmd.arg(), arg);
            if (cmd.action() == null) return false;
            cmd.action().run(arg);
        } catch (Stopped s) {
            steps.stopped(s, session.index());
        } catch (Exception e) {
            out.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return true;
    }

    /** Rejects a wrong argument before the command touches anything. */
    private void checkArgument(String name, Arg kind, String arg) {
        switch (kind) {
            case NONE -> { if (!arg.isEmpty()) throw new IllegalArgumentException(texts.get("repl.noArgument", name, arg)); }
            case STEP -> {
                if (arg.isEmpty()) throw new IllegalArgumentException(texts.get("repl.needsStep"));
                step(arg);
            }
            case OPTIONAL_STEP -> { if (!arg.isEmpty()) step(arg); }
            case FILE -> { }
            case RESET -> { if (!List.of("", "step", "all").contains(arg)) throw new IllegalArgumentException(texts.get("repl.resetUsage", arg)); }
            case VARIANT -> {
                var names = session.lab().variants().keySet();
                if (!arg.isEmpty() && !names.contains(arg)) throw new IllegalArgumentException(texts.get("repl.noVariant", arg, String.join(", ", names)));
            }
        }
    }

    private Step step(String ref) {
        return session.lab().step(ref).orElseThrow(() -> new IllegalArgumentException(texts.get("repl.noStep", ref)));
    }

    private void help() {
        var rows = new ArrayList<List<String>>();
        commands.values().stream().distinct().filter(c -> c.usage() != null).forEach(c -> rows.add(List.of(c.usage(), texts.get(c.helpKey()))));
        out.table(List.of(texts.get("col.command"), texts.get("col.description")), rows);
        out.println(texts.get("help.shell"));
    }

    private void reset(String what) throws Exception {
        if (what.equals("all")) {
            session.resetAll();
            progress.clear();
            hintsShown.clear();
            out.println(texts.get("repl.resetAllDone"));
            steps.show(session.current());
            return;
        }
        steps.resetStep();
    }

    private void variant(String name) throws Exception {
        if (name.isEmpty()) {
            session.lab().variants().forEach((n, path) -> out.println((n.equals(session.variant()) ? "▶ " : "  ") + n + "  (" + path + ")"));
            return;
        }
        try (var listener = out.listener()) {
            session.useVariant(name, listener);
        }
    }

    private void hint() {
        var hints = session.current().hints();
        if (hints.isEmpty()) {
            out.println(texts.get("repl.noHint"));
            return;
        }
        int n = Math.min(hintsShown.merge(session.current().id(), 1, Integer::sum), hints.size());
        session.activity().hint(session.current());
        if (hints.size() > 1) out.println(texts.get("repl.hintOf", n, hints.size()));
        out.markdown(hints.get(n - 1));
        if (n < hints.size()) out.println(texts.get("repl.moreHints"));
    }

    private void check() {
        Step step = session.current();
        if (session.hasChecks(step)) attempts.count(step.id());
        checks(step, session.check(step));
    }

    private void report(StepResult r) {
        session.activity().commands(session.current(), r.commands().size());
        if (r.error() != null) out.error(r.error());
        if (r.status() != StepResult.Status.SOLVED) {
            checks(session.current(), r.checks());
            return;
        }
        out.checks(r.checks());
        session.activity().checked(session.current(), r.checks());
        session.activity().result(session.current(), StepResult.Status.SOLVED);
        progress.markSolved(r.id());
        out.success(texts.get("repl.solved"));
    }

    private void checks(Step step, List<CheckResult> results) {
        if (results.isEmpty()) {
            if (step.checks().isEmpty()) out.println(texts.get("repl.nothingToCheck"));
            return;
        }
        out.checks(results);
        session.activity().checked(step, results);
        boolean held = results.stream().allMatch(CheckResult::passed);
        session.activity().result(step, held ? StepResult.Status.PASSED : StepResult.Status.FAILED);
        if (held) {
            progress.markPassed(step.id());
            out.success(texts.get("repl.allHold"));
        } else {
            out.error(texts.get("repl.someFail"));
        }
    }
}
