package dev.lab.cli;

import dev.lab.demo.Demo;
import dev.lab.demo.Keys;
import dev.lab.demo.NotesView;
import dev.lab.demo.Typing;
import dev.lab.lab.Lab;
import dev.lab.repl.ReplShell;
import dev.lab.term.Texts;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab demo <lab>}: presenter mode; with {@code --notes}, the presenter's notes following a running demo. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Present a lab live: commands typed out as you press keys, run for real, checks after each step (? lists the keys).")
final class DemoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "lab id (see `lab list`) or lab folder")
    String labId;

    @Mixin
    LabOptions options;

    @Mixin
    StepOption step;

    @Mixin
    ClassOptions classOptions;

    @Option(names = "--typing", defaultValue = "keys", paramLabel = "MODE",
            description = "keys (default: any key types on), auto[=N characters a second], or off")
    String typing;

    @Option(names = "--notes", description = "show the presenter notes of the demo running on this lab (a second terminal)")
    boolean notes;

    @Option(names = "--replay", description = "replay from a clean slate on every move, even on an engine that keeps snapshots")
    boolean replay;

    @Override
    public Integer call() throws Exception {
        Lab lab = options.load(labId);
        var home = options.home();
        var texts = Texts.of(options.language());
        if (notes) {
            int width = TerminalBuilder.builder().system(true).dumb(true).build().getWidth();
            return new NotesView(lab, home.state(), texts, System.out, width <= 0 ? 80 : width).run();
        }
        var mode = Typing.parse(typing);
        int start = step.index(lab);
        try (var lock = options.lock(lab, "lab demo " + labId);
             var terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build();
             var engine = options.openEngine();
             var session = options.session(lab, engine);
             var board = classOptions.join(session, home, options.language(), System.out);
             var shell = ReplShell.forDemo(session.workspace(), home.state().resolve("demo").resolve("shell"), session.toolbox().env(),
                     terminal, options.language())) {
            var snapshots = replay ? null : home.data().resolve("demo-snapshots").resolve(lab.id());
            return new Demo(session, shell, new Keys(terminal, mode, texts), snapshots, home.state()).run(start);
        }
    }
}
