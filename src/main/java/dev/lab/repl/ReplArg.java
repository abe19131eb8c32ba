package dev.lab.repl;

import dev.lab.lab.Step;
import dev.lab.session.Session;
import dev.lab.term.Texts;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;

/** What a REPL command accepts: checked before the command runs, and offered by the completer. */
enum ReplArg {
    NONE, OPTIONAL_STEP, STEP, RESET, VARIANT, FILE;

    /** Rejects a wrong argument of command {@code name} before the command touches anything. */
    void check(String name, String arg, Session session, Texts texts) {
        switch (this) {
            case NONE -> { if (!arg.isEmpty()) throw new IllegalArgumentException(texts.get("repl.noArgument", name, arg)); }
            case STEP -> {
                if (arg.isEmpty()) throw new IllegalArgumentException(texts.get("repl.needsStep"));
                step(session, texts, arg);
            }
            case OPTIONAL_STEP -> { if (!arg.isEmpty()) step(session, texts, arg); }
            case FILE -> { }
            case RESET -> { if (!List.of("", "step", "all").contains(arg)) throw new IllegalArgumentException(texts.get("repl.resetUsage", arg)); }
            case VARIANT -> {
                var names = session.lab().variants().keySet();
                if (!arg.isEmpty() && !names.contains(arg)) throw new IllegalArgumentException(texts.get("repl.noVariant", arg, String.join(", ", names)));
            }
        }
    }

    /** What the completer offers after the command. */
    Completer completer(Session session, ReplShell shell) {
        return switch (this) {
            case NONE -> NullCompleter.INSTANCE;
            case STEP, OPTIONAL_STEP -> new StringsCompleter(stepRefs(session));
            case RESET -> new StringsCompleter("step", "all");
            case VARIANT -> new StringsCompleter(session.lab().variants().keySet());
            case FILE -> ShellCompleter.files(shell::cwd);
        };
    }

    /** The step a {@code <n|id>} argument names. */
    static Step step(Session session, Texts texts, String ref) {
        return session.lab().step(ref).orElseThrow(() -> new IllegalArgumentException(texts.get("repl.noStep", ref)));
    }

    private static List<String> stepRefs(Session session) {
        var ids = new ArrayList<String>();
        for (Step s : session.lab().steps()) {
            ids.add(String.valueOf(s.number()));
            ids.add(s.id());
        }
        return ids;
    }
}
