package dev.lab.cli;

import dev.lab.classroom.ClassReporter;
import dev.lab.lab.Lab;
import dev.lab.progress.LabHome;
import dev.lab.session.Activity;
import dev.lab.session.Session;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * {@code --class URL --name NAME} (or {@code LAB_CLASS}/{@code LAB_NAME}): join an instructor's class
 * board. A lab-running command adds it with {@code @Mixin ClassOptions classOptions;} and wraps its
 * session in {@link #join}.
 */
final class ClassOptions {
    @Option(names = "--class", paramLabel = "URL", description = "join the class board at this join URL (or LAB_CLASS)")
    String url;

    @Option(names = "--name", paramLabel = "NAME", description = "your name on the class board (or LAB_NAME)")
    String name;

    /**
     * Reports the session's activity to the class board when a class is given, saying what leaves the
     * laptop; returns what to close when the lab ends ({@link Activity#NONE} without a class).
     */
    Activity join(Session session, LabHome home, String lang, PrintStream out) {
        String u = url != null ? url : System.getenv("LAB_CLASS");
        String n = name != null ? name : System.getenv("LAB_NAME");
        if (u == null || u.isBlank()) {
            if (n != null && name != null) throw new IllegalArgumentException("--name needs --class (or LAB_CLASS)");
            return Activity.NONE;
        }
        if (n == null || n.isBlank()) throw new IllegalArgumentException("--class needs --name NAME (or LAB_NAME)");
        Lab lab = session.lab();
        var reporter = ClassReporter.open(home.state(), u, n, lab.id());
        out.println(dev.lab.term.Texts.of(lang).get("class.joined", n.strip(), u));
        session.activity(reporter);
        return reporter;
    }
}
