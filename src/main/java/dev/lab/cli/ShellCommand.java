package dev.lab.cli;

import dev.lab.lab.Lab;
import dev.lab.session.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code lab shell [lab]}: the user's {@code $SHELL} in the lab's workspace with the lab's
 * commands on PATH; with standard input piped, {@code bash -s} runs the lines and its status is
 * the last command's. The shell stays a client of the engine host while it is open.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Open your shell in the lab's workspace with the lab's docker, aws and awslocal (piped lines run with bash).")
final class ShellCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", arity = "0..1", description = "lab id or folder (default: the current folder is the workspace)")
    String labId;

    @Mixin
    LabOptions options;

    @Override
    public Integer call() throws Exception {
        try (var engine = options.openEngine()) {
            Path workspace = workspace(options, labId);
            if (labId != null) {
                Lab lab = options.load(labId);
                // Prepares the workspace and its compose file as `lab start` would, without holding the lab.
                new Session(lab, engine, workspace, options.imageOverrides(), options::toolbox);
            }
            var env = options.toolbox(workspace).over(System.getenv());
            boolean terminal = stdinIsTerminal();
            String shell = System.getenv().getOrDefault("SHELL", "");
            List<String> cmd = terminal ? List.of(shell.isBlank() ? "bash" : shell) : List.of("bash", "-s");
            if (terminal) {
                System.err.println("lab shell: " + workspace + " — docker, aws and awslocal reach the " + engine.name()
                        + " engine; `exit` to leave");
            }
            var pb = new ProcessBuilder(cmd).inheritIO().directory(workspace.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            ignoreInterrupts();
            return pb.start().waitFor();
        }
    }

    /** The lab's workspace, or the current folder when no lab is named. */
    static Path workspace(LabOptions options, String labId) {
        if (labId == null) return options.workspace != null ? options.workspace.toAbsolutePath() : Path.of("").toAbsolutePath();
        return options.workspaceFor(options.load(labId)).toAbsolutePath();
    }

    private static boolean stdinIsTerminal() throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "[ -t 0 ]").redirectInput(ProcessBuilder.Redirect.INHERIT).start().waitFor() == 0;
    }

    // Ctrl-C belongs to the child shell; this process only waits for it.
    @SuppressWarnings("restriction")
    private static void ignoreInterrupts() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> { });
    }
}
