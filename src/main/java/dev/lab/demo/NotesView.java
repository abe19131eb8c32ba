package dev.lab.demo;

import dev.lab.lab.Lab;
import dev.lab.lab.Step;
import dev.lab.term.Texts;
import dev.lab.term.Width;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lab demo <lab> --notes}: the presenter's own screen. Follows the status file of the demo
 * running on the lab and repaints the current step's notes, the next command, the time on this step
 * and in total, and what comes next; with no demo running it waits for one and says so.
 */
public final class NotesView {
    private final Lab lab;
    private final Path statusFile;
    private final Texts texts;
    private final PrintStream out;
    private final int width;

    /** @param state the lab home's state folder, where the demo writes its status */
    public NotesView(Lab lab, Path state, Texts texts, PrintStream out, int width) {
        this.lab = lab;
        this.statusFile = Status.file(state, lab.id());
        this.texts = texts;
        this.out = out;
        this.width = Math.max(40, width);
    }

    /** Repaints twice a second until interrupted. */
    public int run() throws InterruptedException {
        String last = null;
        while (true) {
            String screen = render(Status.read(statusFile), System.currentTimeMillis());
            if (!screen.equals(last)) {
                out.print("\u001b[H\u001b[2J" + screen);
                out.flush();
                last = screen;
            }
            Thread.sleep(500);
        }
    }

    String render(Optional<Status> status, long now) {
        if (status.isEmpty()) return fit(List.of(texts.get("demo.waiting", lab.id())));
        Status s = status.get();
        Step step = lab.step(s.stepId()).orElse(lab.steps().get(Math.min(s.step(), lab.steps().size()) - 1));
        var lines = new ArrayList<String>();
        lines.add(texts.get("demo.notesHead", step.number(), lab.steps().size(), step.title(), step.id()));
        lines.add(texts.get("demo.times", clock(now - s.stepSince()), clock(now - s.startedAt())));
        lines.add("");
        if (step.notes().isEmpty()) lines.add(texts.get("demo.noNotes"));
        for (String note : step.notes()) lines.addAll(List.of(note.strip().split("\n")));
        lines.add("");
        lines.add(texts.get("demo.next"));
        if (s.next().isEmpty()) lines.add("  " + texts.get("demo.stepEnd"));
        else for (String l : s.next().split("\n")) lines.add("  $ " + l);
        lines.add("");
        lines.add(step.number() < lab.steps().size()
                ? texts.get("demo.then", lab.steps().get(step.number()).title())
                : texts.get("demo.thenEnd"));
        return fit(lines);
    }

    private String fit(List<String> lines) {
        var b = new StringBuilder();
        for (String l : lines) {
            if (l.isEmpty()) b.append('\n');
            else for (String w : Width.wrap(l, width)) b.append(w).append('\n');
        }
        return b.toString();
    }

    private static String clock(long millis) {
        var d = Duration.ofMillis(Math.max(0, millis));
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
