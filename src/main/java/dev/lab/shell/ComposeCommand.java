package dev.lab.shell;

import dev.lab.compose.Service;
import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code docker compose [--profile P] <sub> …} (also {@code docker-compose}): Compose's own flags, the
 * subcommand's flags refused where the runner does not implement them, and the services it acts on.
 */
record ComposeCommand(Engine engine, Supplier<Project> project) {

    /** Runs the words after {@code docker compose}; returns the exit status. */
    int run(List<String> words, Io io) throws Refused {
        int at = DockerArgs.leadingFlags(DockerArgs.COMPOSE_ROOT, words);
        DockerArgs root = DockerArgs.parse(DockerArgs.COMPOSE_ROOT, words.subList(0, at));
        root.only("docker compose", "--profile");
        if (at == words.size()) return DockerOutput.usage("docker compose [OPTIONS] COMMAND", io);
        String sub = words.get(at);
        var rest = words.subList(at + 1, words.size());
        DockerArgs.Spec spec = DockerArgs.COMPOSE.get(sub);
        if (spec == null) {
            if (DockerArgs.COMPOSE_COMMANDS.contains(sub)) {
                throw new ShellError("docker compose " + sub + " is not supported by the lab's runner"
                        + " (supported: up -d, down [-v], restart, stop, start, ps, logs, exec)");
            }
            throw new Refused(List.of("unknown docker command: \"compose " + sub + "\""), 1);
        }
        if (sub.equals("exec")) return ExecCommand.compose(engine, project.get(), rest, io);
        DockerArgs args = DockerArgs.parse(spec, rest);
        switch (sub) {
            case "up" -> args.only("docker compose up", "--detach", "--remove-orphans", "--wait", "--wait-timeout");
            case "down" -> args.only("docker compose down", "--volumes", "--remove-orphans");
            case "ps" -> args.only("docker compose ps", "--all");
            default -> args.only("docker compose " + sub);
        }
        return act(sub, args, profiles(root), io);
    }

    /** {@code --profile} as given, else {@code COMPOSE_PROFILES}, as Compose reads them. */
    private static List<String> profiles(DockerArgs root) {
        var profiles = new ArrayList<>(root.values().getOrDefault("--profile", List.of()));
        String fromEnv = System.getenv("COMPOSE_PROFILES");
        if (profiles.isEmpty() && fromEnv != null && !fromEnv.isBlank()) profiles.addAll(List.of(fromEnv.split(",")));
        return profiles;
    }

    /** Runs an accepted subcommand; the engine's refusals are printed as Compose prints them. */
    private int act(String sub, DockerArgs args, List<String> profiles, Io io) {
        Project p = project.get();
        var services = sub.equals("up") && args.args().isEmpty() ? active(p, profiles) : args.args();
        try {
            var lifecycle = new ComposeLifecycle(engine, p, io);
            switch (sub) {
                case "up" -> lifecycle.up(services, args);
                case "down" -> lifecycle.down(args.has("--volumes"), args.has("--remove-orphans"));
                case "restart", "stop", "start" -> lifecycle.cycle(sub, services);
                case "ps" -> DockerOutput.ps(engine.containers(p), args.has("--all"), io);
                case "logs" -> {
                    for (ContainerInfo c : engine.containers(p)) {
                        if (services.isEmpty() || services.contains(c.service())) DockerOutput.logs(engine, p, c.name(), true, io);
                    }
                }
            }
            return 0;
        } catch (Conditions.Failed e) {
            io.err().accept(e.getMessage());
            return 1;
        } catch (EngineException e) {
            io.err().accept("Error response from daemon: " + e.getMessage());
            return 1;
        }
    }

    /** The services a bare {@code up} starts: those outside the active profiles are not started unless named (Compose's rule). */
    private static List<String> active(Project p, List<String> profiles) {
        var active = p.compose().services().values().stream().filter(s -> s.enabledBy(profiles)).map(Service::name).toList();
        if (active.isEmpty()) throw new ShellError("no service selected (every service is in a profile; use --profile NAME)");
        return active.size() < p.compose().services().size() ? active : List.of();
    }
}
