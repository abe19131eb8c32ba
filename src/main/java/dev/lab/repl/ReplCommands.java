package dev.lab.repl;

import dev.lab.lab.Step;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import dev.lab.session.Stopped;
import dev.lab.term.Texts;
import java.util.ArrayList;
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
    private interface Action {
        void run(String arg) throws Exception;
    }

    private record Cmd(String usage, String helpKey, ReplArg arg, Action action) {}

    private final Session session;
    private final Progress progress;
    private final Screen out;
    private final Texts texts;
    private final Map<String, Cmd> commands = new LinkedHashMap<>();
    private final ReplSteps steps;
    private final ReplChecks checks;
    private final Hints hints;
    private final ReplShell shell;

    ReplCommands(Session session, Progress progress, Screen out, Terminal terminal, ReplShell shell) {
        this.shell = shell;
        this.session = session;
        this.progress = progress;
        this.out = out;
        this.texts = out.texts();
        this.steps = new ReplSteps(session, progress, out, new Worker(terminal, session.stopSwitch()));
        this.checks = new ReplChecks(session, progress, out);
        this.hints = new Hints(session, out);
        var watch = new Watch(session, out, terminal, steps, checks);
        add("help", "help", "help.help", ReplArg.NONE, a -> help());
        add("steps", "steps", "help.steps", ReplArg.NONE, a -> steps.list());
        add("show", "show [n]", "help.show", ReplArg.OPTIONAL_STEP, a -> steps.show(a.isEmpty() ? session.current() : step(a)));
        add("next", "next, prev", "help.move", ReplArg.NONE, a -> steps.move(session.index() + 1));
        add("prev", null, null, ReplArg.NONE, a -> steps.move(session.index() - 1));
        add("goto", "goto <n|id>", "help.goto", ReplArg.STEP, a -> steps.jump(step(a)));
        add("run", "run", "help.run", ReplArg.NONE, a -> {
            if (session.current().exercise()) steps.task(session.current());
            else checks.report(steps.work(l -> session.run(session.current(), l)));
        });
        add("check", "check", "help.check", ReplArg.NONE, a -> checks.check());
        add("watch", "watch", "help.watch", ReplArg.NONE, a -> watch.run());
        add("hint", "hint", "help.hint", ReplArg.NONE, a -> hints.next());
        add("solve", "solve", "help.solve", ReplArg.NONE, a -> checks.report(steps.work(l -> session.solve(session.current(), l))));
        add("reset", "reset [step|all]", "help.reset", ReplArg.RESET, this::reset);
        add("variant", "variant [name]", "help.variant", ReplArg.VARIANT, this::variant);
        add("state", "state", "help.state", ReplArg.NONE, a -> State.print(session, out));
        add("edit", "edit [file]", "help.edit", ReplArg.FILE, shell::edit);
        // No action: leaving is the loop's business.
        for (String quit : List.of("quit", "exit", "q")) add(quit, quit.equals("quit") ? "quit" : null, "help.quit", ReplArg.NONE, null);
        commands.put("?", commands.get("help"));
    }

    private void add(String name, String usage, String helpKey, ReplArg arg, Action action) {
        commands.put(name, new Cmd(usage, helpKey, arg, action));
    }

    Completer completer() {
        var completers = new ArrayList<Completer>();
        commands.forEach((name, c) -> {
            if (name.equals("?")) return;
            completers.add(new ArgumentCompleter(new StringsCompleter(name), c.arg().completer(session, shell), NullCompleter.INSTANCE));
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
            cmd.arg().check(w[0], arg, session, texts);
            if (cmd.action() == null) return false;
            cmd.action().run(arg);
        } catch (Stopped s) {
            steps.stopped(s, session.index());
        } catch (Exception e) {
            out.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return true;
    }

    private Step step(String ref) {
        return ReplArg.step(session, texts, ref);
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
            hints.clear();
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
}
