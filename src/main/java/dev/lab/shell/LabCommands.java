package dev.lab.shell;

import dev.lab.compose.ComposeParser;
import dev.lab.compose.ImageOverrides;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.Names;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's own {@code docker}, {@code docker-compose}, {@code aws} and {@code awslocal}, run for a
 * shell command: the project is the compose file of the working directory (or the nearest folder
 * above it, as Compose looks), named after its folder; {@code awslocal} calls
 * {@code AWS_ENDPOINT_URL}, else the LocalStack port that file publishes, else localhost:4566.
 */
public final class LabCommands {
    /** The commands this class runs. */
    public static final List<String> NAMES = List.of("docker", "docker-compose", "aws", "awslocal");

    private static final List<String> COMPOSE_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml");

    private LabCommands() {}

    /**
     * Runs one command; returns its exit status. Output goes to {@code io} line by line.
     *
     * @param images {@code --image} overrides the engine's owner applies to every compose file
     */
    public static int run(Engine engine, Map<String, String> images, List<String> argv, Path cwd, Map<String, String> env, Io io) {
        if (argv.isEmpty() || !NAMES.contains(argv.get(0))) throw new IllegalArgumentException("not a lab command: " + argv);
        String name = argv.get(0);
        Path dir = cwd.toAbsolutePath().normalize();
        try (var t = dev.lab.trace.Trace.span("command " + String.join(" ", argv))) {
            return switch (name) {
                case "docker", "docker-compose" -> new DockerCommand(engine, () -> project(dir, images)).run(argv, io);
                default -> new AwsCommand(workspace(dir, env.get(MOUNTS)), () -> endpoint(dir), name.equals("awslocal"), env.get("AWS_ENDPOINT_URL"))
                        .run(argv, io);
            };
        } catch (ShellError e) {
            String m = e.getMessage();
            io.err().accept(m.startsWith(name + ":") || m.startsWith(name + " ") ? m : name + ": " + m);
            return name.startsWith("aws") ? 252 : 1;
        } catch (RuntimeException e) {
            io.err().accept(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
            return name.startsWith("aws") ? 255 : 1;
        }
    }

    /**
     * A container's mounts, one {@code <container path>\t<host folder>} a line: set for init hooks, whose
     * {@code awslocal} runs here, outside the container, and must read and write what the hook sees.
     */
    public static final String MOUNTS = "LAB_MOUNTS";

    // In a hook, paths (the working directory too) are container paths: only the mounts reach the host, the rest is refused.
    private static Workspace workspace(Path dir, String mounts) {
        if (mounts == null) return Workspace.cwd(dir);
        var map = new java.util.LinkedHashMap<String, Path>();
        for (String line : mounts.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) map.put(line.substring(0, tab), Path.of(line.substring(tab + 1)));
        }
        return Workspace.container(dir, map);
    }

    /** The compose file Compose would use from {@code dir}. */
    public static Optional<Path> composeFile(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            for (String n : COMPOSE_FILES) {
                if (Files.isRegularFile(d.resolve(n))) return Optional.of(d.resolve(n));
            }
        }
        return Optional.empty();
    }

    private static Project project(Path dir, Map<String, String> images) {
        Path file = composeFile(dir).orElseThrow(() -> new ShellError(
                "no configuration file provided: not found (no docker-compose.yml in " + dir + " or above)"));
        Path folder = file.getParent();
        return new Project(Names.project(folder.getFileName().toString()), folder, ImageOverrides.apply(ComposeParser.parse(file), images));
    }

    private static URI endpoint(Path dir) {
        return composeFile(dir).map(f -> LocalStackEndpoint.of(ComposeParser.parse(f))).orElse(LocalStackEndpoint.DEFAULT);
    }
}
