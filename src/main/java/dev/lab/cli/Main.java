package dev.lab.cli;

import dev.lab.check.CheckSyntaxException;
import dev.lab.engine.EngineException;
import dev.lab.shell.ShellError;
import dev.lab.source.SourceException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lab}: the entry point. Bad usage, a bad lab file or a port in use end with one line and exit code 2. */
@Command(name = "lab", mixinStandardHelpOptions = true, version = "lab 0.1.0",
        description = "Hands-on infrastructure labs in the terminal, checked against the real state.")
public final class Main {
    /** The subcommands, in the order help lists them. */
    private static final java.util.List<Class<?>> COMMANDS = java.util.List.of(ListCommand.class, StartCommand.class, RunCommand.class,
            DemoCommand.class, TestCommand.class, ValidateCommand.class, DoctorCommand.class, EngineCommand.class, ShellCommand.class,
            EnvCommand.class, ClassCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        dev.lab.trace.Trace.mark("main");
        // Labs are Korean first: print UTF-8 whatever the platform's default charset (Java 17 follows the locale).
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        int code = execute(args);
        dev.lab.trace.Trace.mark("exit " + code);
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        var cli = new CommandLine(new Main());
        // picocli reads every subcommand's annotations when it is added: only the one asked for, unless help or a typo
        // needs them all (a third of the start-up of `lab start` went there).
        var asked = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        if (asked == null || asked == CommandLine.HelpCommand.class) COMMANDS.forEach(cli::addSubcommand);
        else cli.addSubcommand(asked);
        dev.lab.trace.Trace.mark("command line built");
        cli.setOut(new java.io.PrintWriter(System.out, true));
        cli.setErr(new java.io.PrintWriter(System.err, true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lab: " + oneLine(e));
            return isUserError(e) ? 2 : 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("lab: " + e.getMessage() + " (see `lab " + e.getCommandLine().getCommandName() + " --help`)");
            return 2;
        });
        return cli.execute(args);
    }

    static boolean isUserError(Throwable e) {
        return e instanceof SourceException || e instanceof EngineException
                || e instanceof IllegalArgumentException || e instanceof CheckSyntaxException || e instanceof ShellError
                || e instanceof IllegalStateException || e instanceof dev.lab.emulator.PortInUseException;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
