package dev.lab.demo;

import dev.lab.check.CheckResult;
import dev.lab.lab.Step;
import dev.lab.session.Listener;
import dev.lab.term.Texts;
import dev.lab.term.Width;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the projected terminal shows, compact and never wider than the terminal (80 columns at least
 * assumed wide enough): the step's text without its code, checks as one line per failure and one for
 * the rest, evidence cut to one line.
 */
final class Audience {
    private static final int MAX_TEXT_LINES = 8;
    private final PrintWriter out;
    private final IntSupplier width;
    private final Texts texts;

    Audience(PrintWriter out, IntSupplier width, Texts texts) {
        this.out = out;
        this.width = width;
        this.texts = texts;
    }

    int width() { return Math.max(20, width.getAsInt() <= 0 ? 80 : width.getAsInt()); }

    Texts texts() { return texts; }

    void line(String text) {
        out.println(Width.truncate(text, width()));
        out.flush();
    }

    void step(Step step, int count) {
        out.println();
        line("━━ " + step.title() + "  (" + step.number() + "/" + count + " #" + step.id() + ") ━━");
        int shown = 0;
        for (String paragraph : paragraphs(step.displayMarkdown())) {
            for (String l : Width.wrap(paragraph, width() - 2)) {
                if (shown++ == MAX_TEXT_LINES) {
                    line("  …");
                    return;
                }
                line("  " + l);
            }
        }
    }

    /** The step's prose, a paragraph or list item per entry: no code, tables or HTML (the commands are typed out). */
    static List<String> paragraphs(String markdown) {
        var out = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        boolean fence = false;
        for (String raw : markdown.split("\n")) {
            String l = raw.strip();
            if (l.startsWith("```")) fence = !fence;
            boolean prose = !fence && !l.startsWith("```") && !l.isEmpty() && !l.startsWith("|") && !l.startsWith("<");
            boolean item = l.matches("([-*]|[0-9]+\\.) .*");
            if ((!prose || item) && !current.isEmpty()) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (prose) current.append(current.isEmpty() ? "" : " ").append(l.replace("**", "").replaceFirst("^> ", ""));
        }
        if (!current.isEmpty()) out.add(current.toString());
        return out;
    }

    void checks(List<CheckResult> results) {
        dev.lab.term.CompactChecks.lines(results, texts, width()).forEach(this::line);
    }

    void dim(String text) {
        out.println("\u001b[2m" + Width.truncate(text, width()) + "\u001b[0m");
        out.flush();
    }

    /** Says what a headless step does in one line each, for fast-forwarding and replays. */
    Listener progress() {
        return new Listener() {
            @Override public void kept(String file, String backup, List<String> diff) { dim(texts.get("screen.kept", file, backup)); }
        };
    }

    /** Tells a variant swap in one line per diff line, at most six. */
    Listener variants() {
        return new Listener() {
            @Override public void variant(String name, List<String> diff) {
                dim(texts.get("printer.variant", name));
                diff.stream().limit(6).forEach(l -> dim("  " + l));
            }
            @Override public void kept(String file, String backup, List<String> diff) { dim(texts.get("screen.kept", file, backup)); }
        };
    }
}
