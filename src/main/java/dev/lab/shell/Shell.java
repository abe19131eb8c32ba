package dev.lab.shell;

import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes the documented subset of shell commands that labs show, identically on every engine:
 * {@code docker [compose]}, {@code awslocal}/{@code aws s3}, {@code curl}, file commands inside the
 * workspace, {@code sleep}, and {@code grep}/{@code head}/{@code tail} in pipes. Anything else is a
 * clear error naming the command; nothing outside the workspace is written.
 */
public final class Shell {
    private static final Pattern SUBST = Pattern.compile("\\$\\(([^)]*)\\)");

    private static final List<String> ENGINE_COMMANDS = List.of("docker", "docker-compose");

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final StopSwitch stop = new StopSwitch();
    private final Workspace workspace;
    private final String engineName;

    /**
     * @param engine    the engine {@code docker} commands drive
     * @param project   the compose project in force (read on every command: the variant may change)
     * @param workspace the lab's workspace folder, the working directory of every command
     * @param localstack where {@code awslocal} sends requests (asked on every command)
     */
    public Shell(Engine engine, Supplier<Project> project, Path workspace, Supplier<URI> localstack) {
        this(engine, project, workspace, localstack, Map.of());
    }

    /**
     * A shell inside a LocalStack container (init hooks): {@code awslocal} talks to
     * {@code localstack}, and absolute paths under a mount point reach the host folder
     * mounted there; no other absolute path is reachable.
     */
    public Shell(Engine engine, Supplier<Project> project, Path workspace, Supplier<URI> localstack, Map<String, Path> mounts) {
        this.workspace = new Workspace(workspace, mounts);
        this.engineName = engine.name();
        var docker = new DockerCommand(engine, project);
        commands.put("docker", docker);
        commands.put("docker-compose", (argv, io) -> docker.compose(argv.subList(1, argv.size()), io));
        commands.put("awslocal", new AwsCommand(this.workspace, localstack, true));
        commands.put("aws", new AwsCommand(this.workspace, localstack, false));
        commands.put("curl", new CurlCommand(this.workspace));
        var files = new FileCommands(this.workspace);
        for (String name : FileCommands.NAMES) commands.put(name, files);
        var text = new TextCommands();
        for (String name : TextCommands.NAMES) commands.put(name, text);
    }

    /** The names of the commands the runner executes itself. */
    public static List<String> supported() {
        var names = new ArrayList<>(List.of("docker", "docker-compose", "awslocal", "aws", "curl"));
        names.addAll(FileCommands.NAMES);
        names.addAll(TextCommands.NAMES);
        return names;
    }

    /** Stops this shell's work from another thread (Ctrl-C); {@link #run} checks it before every command. */
    public StopSwitch stopSwitch() { return stop; }

    /** Runs one command line; returns the exit status of the last pipeline run, as bash would. */
    public int run(String line, Io io) throws InterruptedException {
        List<Tokens.Token> tokens = Tokens.split(substitute(line));
        int status = 0;
        String pendingOp = ";";
        var pipeline = new ArrayList<List<String>>();
        var current = new ArrayList<String>();
        for (int i = 0; i <= tokens.size(); i++) {
            Tokens.Token t = i < tokens.size() ? tokens.get(i) : new Tokens.Token(";", true);
            if (!t.operator()) {
                current.add(t.text());
                continue;
            }
            if (current.isEmpty()) {
                if (i == tokens.size() && pipeline.isEmpty()) break;
                throw new ShellError("syntax error near '" + t.text() + "'");
            }
            pipeline.add(List.copyOf(current));
            current.clear();
            if (t.text().equals("|")) continue;
            boolean skip = (pendingOp.equals("&&") && status != 0) || (pendingOp.equals("||") && status == 0);
            if (!skip) status = runPipeline(pipeline, io);
            pipeline.clear();
            pendingOp = t.text();
        }
        return status;
    }

    private int runPipeline(List<List<String>> pipeline, Io io) throws InterruptedException {
        List<String> stdin = List.of();
        int status = 0;
        for (int i = 0; i < pipeline.size(); i++) {
            boolean last = i == pipeline.size() - 1;
            var capture = new Io.Capture();
            Io step = last ? new Io(stdin, io.out(), io.err()) : new Io(stdin, capture.out::add, io.err());
            status = exec(pipeline.get(i), step);
            stdin = capture.out;
        }
        return status;
    }

    private int exec(List<String> argv, Io io) throws InterruptedException {
        stop.check();
        List<String> args = argv.get(0).equals("sudo") ? argv.subList(1, argv.size()) : argv;
        if (args.isEmpty()) throw new ShellError("sudo: no command given");
        for (String a : args) {
            if (a.startsWith(">") || a.startsWith("<") || a.equals("2>&1") || a.startsWith("2>")) {
                throw new ShellError("redirection '" + a + "' in `" + String.join(" ", argv)
                        + "` is not supported; use the command's own option (curl -o, aws s3 cp)");
            }
        }
        Command c = commands.get(args.get(0));
        if (c == null) {
            throw new ShellError("command '" + args.get(0) + "' is not supported by the " + engineName
                    + " engine's runner (supported: " + String.join(", ", commands.keySet()) + ")");
        }
        try {
            if (!ENGINE_COMMANDS.contains(args.get(0))) return c.run(args, io);
            // An engine operation cut in half could leave a container half created: a first Ctrl-C lets it finish.
            return stop.engineOperation(() -> c.run(args, io));
        } catch (ShellError | InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            // The hand-made commands are not hardened against every malformed argument; a slip is the step's failure, not the run's.
            throw new ShellError(args.get(0) + ": cannot run `" + String.join(" ", args) + "`: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Expands the few command substitutions labs use: {@code $(whoami)}, {@code $(id -u|-g|-un|-gn)}. */
    private String substitute(String line) {
        Matcher m = SUBST.matcher(line);
        var out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1).trim()) {
                case "whoami", "id -un" -> HostUser.name();
                case "id -u" -> String.valueOf(HostUser.uid());
                case "id -g" -> String.valueOf(HostUser.gid());
                case "id -gn" -> HostUser.group();
                default -> throw new ShellError("command substitution $(" + m.group(1) + ") is not supported");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
