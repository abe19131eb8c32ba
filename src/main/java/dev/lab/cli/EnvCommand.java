package dev.lab.cli;

import dev.lab.host.Sh;
import dev.lab.host.Toolbox;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab env [lab]}: POSIX {@code export} lines for {@code eval} in a terminal that is already
 * open, as {@code minikube docker-env} does; {@code -u} prints the lines that undo them.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print export lines that give this terminal the lab's docker, aws and awslocal: eval \"$(lab env [LAB])\".")
final class EnvCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", arity = "0..1", description = "lab id or folder (default: the current folder is the workspace)")
    String labId;

    @Option(names = {"-u", "--unset"}, description = "print the lines that undo an earlier `lab env`")
    boolean unset;

    @Mixin
    LabOptions options;

    @Override
    public Integer call() throws Exception {
        Path workspace = ShellCommand.workspace(options, labId);
        if (unset) {
            Toolbox toolbox = options.toolbox(workspace);
            for (String name : toolbox.env().keySet()) if (!name.equals("PATH")) System.out.println("unset " + name);
            String old = System.getenv("LAB_OLD_PATH");
            String path = old != null ? old : Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .filter(d -> !d.equals(toolbox.binDir().toString())).collect(Collectors.joining(File.pathSeparator));
            System.out.println("export PATH=" + Sh.quote(path));
            System.out.println("unset LAB_OLD_PATH");
            return 0;
        }
        options.openEngine().close(); // the host runs (and idles a while) before the terminal uses it
        Toolbox toolbox = options.toolbox(workspace);
        if (System.getenv("LAB_OLD_PATH") == null) {
            System.out.println("export LAB_OLD_PATH=" + Sh.quote(System.getenv().getOrDefault("PATH", "")));
        }
        toolbox.env().forEach((k, v) -> System.out.println("export " + k + "=" + Sh.quote(v)));
        System.out.println("# the lab's docker, aws and awslocal now reach the " + options.engine + " engine; undo with: eval \"$(lab env -u)\"");
        return 0;
    }
}
