package dev.lab.shell;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code docker compose …} and the {@code docker} subcommands labs use, against the engine. */
final class DockerCommand implements Command {
    private final Engine engine;
    private final Supplier<Project> project;

    DockerCommand(Engine engine, Supplier<Project> project) {
        this.engine = engine;
        this.project = project;
    }

    @Override
    public int run(List<String> argv, Io io) {
        if (argv.size() < 2) throw new ShellError("docker: a subcommand is required");
        var rest = argv.subList(2, argv.size());
        try {
            return switch (argv.get(1)) {
                case "compose" -> compose(rest, io);
                case "ps" -> ps(engine.containers(project.get()), rest.contains("-a") || rest.contains("--all"), io);
                case "logs" -> logs(one("docker logs", rest), false, io);
                case "inspect" -> Inspect.print(engine, project.get(), one("docker inspect", rest), io);
                case "restart", "stop", "start" -> single(argv.get(1), one("docker " + argv.get(1), rest), io);
                case "volume" -> volume(rest, io);
                default -> throw new ShellError("docker " + argv.get(1) + " is not supported (supported: compose, ps, logs, inspect, restart, stop, start, volume ls)");
            };
        } catch (EngineException e) {
            io.err().accept(e.getMessage());
            return 1;
        }
    }

    /** {@code docker compose <sub> …}; also serves {@code docker-compose}. */
    int compose(List<String> args, Io io) {
        if (args.isEmpty()) throw new ShellError("docker compose: a command is required (up -d, down, restart, stop, start, ps, logs)");
        Project p = project.get();
        var flags = new HashSet<String>();
        var services = new ArrayList<String>();
        for (String a : args.subList(1, args.size())) (a.startsWith("-") ? flags : services).add(a);
        String sub = args.get(0);
        try {
            switch (sub) {
                case "up" -> {
                    if (!flags.contains("-d") && !flags.contains("--detach")) {
                        throw new ShellError("docker compose up without -d would attach to the logs forever; use `docker compose up -d`");
                    }
                    var before = ids(engine.containers(p));
                    var runningBefore = ids(engine.containers(p).stream().filter(ContainerInfo::running).toList());
                    var volumesBefore = names(engine.volumes(p));
                    if (flags.contains("--remove-orphans")) removeOrphans(p, io);
                    engine.up(p, services);
                    for (VolumeInfo v : engine.volumes(p)) {
                        if (!v.anonymous() && !volumesBefore.contains(v.name())) status(io, "Volume \"" + v.name() + "\"", "Created");
                    }
                    for (ContainerInfo c : inFile(p)) {
                        if (!services.isEmpty() && !services.contains(c.service()) && before.contains(c.id())) continue;
                        status(io, "Container " + c.name(), runningBefore.contains(c.id()) ? "Running" : "Started");
                    }
                    if (!flags.contains("--remove-orphans")) warnOrphans(p, io);
                }
                case "down" -> {
                    boolean volumes = flags.contains("-v") || flags.contains("--volumes");
                    var containers = inFile(p);
                    var vols = engine.volumes(p);
                    if (flags.contains("--remove-orphans")) removeOrphans(p, io);
                    else warnOrphans(p, io);
                    engine.down(p, volumes);
                    for (ContainerInfo c : containers) status(io, "Container " + c.name(), "Removed");
                    var left = names(engine.volumes(p));
                    for (VolumeInfo v : vols) if (!left.contains(v.name())) status(io, "Volume " + v.name(), "Removed");
                }
                case "restart", "stop", "start" -> {
                    switch (sub) {
                        case "restart" -> engine.restart(p, services);
                        case "stop" -> engine.stop(p, services);
                        default -> engine.start(p, services);
                    }
                    String word = sub.equals("restart") ? "Started" : sub.equals("stop") ? "Stopped" : "Started";
                    for (ContainerInfo c : engine.containers(p)) {
                        if (services.isEmpty() || services.contains(c.service())) status(io, "Container " + c.name(), word);
                    }
                }
                case "ps" -> ps(engine.containers(p), flags.contains("-a") || flags.contains("--all"), io);
                case "logs" -> {
                    for (ContainerInfo c : engine.containers(p)) {
                        if (services.isEmpty() || services.contains(c.service())) logs(c.name(), true, io);
                    }
                }
                default -> throw new ShellError("docker compose " + sub + " is not supported (supported: up -d, down [-v], restart, stop, start, ps, logs)");
            }
            return 0;
        } catch (EngineException e) {
            io.err().accept("Error response from daemon: " + e.getMessage());
            return 1;
        }
    }

    /** The project's containers whose service is in the compose file in force (Compose ignores the others). */
    private List<ContainerInfo> inFile(Project p) {
        return engine.containers(p).stream().filter(c -> p.compose().services().containsKey(c.service())).toList();
    }

    private void removeOrphans(Project p, Io io) throws EngineException {
        var orphans = engine.containers(p).stream().filter(c -> !p.compose().services().containsKey(c.service())).toList();
        engine.removeOrphans(p);
        for (ContainerInfo c : orphans) status(io, "Container " + c.name(), "Removed");
    }

    private void warnOrphans(Project p, Io io) {
        var orphans = engine.containers(p).stream().filter(c -> !p.compose().services().containsKey(c.service()))
                .map(ContainerInfo::name).toList();
        if (!orphans.isEmpty()) {
            io.err().accept("WARN[0000] Found orphan containers (" + orphans + ") for this project. If you removed or renamed"
                    + " this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.");
        }
    }

    private int single(String verb, String name, Io io) throws EngineException {
        Project p = project.get();
        ContainerInfo c = engine.container(p, name)
                .orElseThrow(() -> new EngineException("Error response from daemon: No such container: " + name));
        var services = List.of(c.service());
        switch (verb) {
            case "restart" -> engine.restart(p, services);
            case "stop" -> engine.stop(p, services);
            default -> engine.start(p, services);
        }
        io.out().accept(name);
        return 0;
    }

    private int logs(String name, boolean prefixed, Io io) throws EngineException {
        for (String line : engine.logs(project.get(), name)) io.out().accept(prefixed ? name + "  | " + line : line);
        return 0;
    }

    private int volume(List<String> args, Io io) {
        if (args.isEmpty() || !args.get(0).equals("ls")) throw new ShellError("docker volume: only `docker volume ls` is supported");
        io.out().accept(String.format("%-8s%s", "DRIVER", "VOLUME NAME"));
        for (VolumeInfo v : engine.volumes(project.get())) io.out().accept(String.format("%-8s%s", "local", v.name()));
        return 0;
    }

    private static int ps(List<ContainerInfo> containers, boolean all, Io io) {
        io.out().accept(String.format("%-14s %-30s %-14s %-18s %s", "NAME", "IMAGE", "SERVICE", "STATUS", "PORTS"));
        for (ContainerInfo c : containers) {
            if (!all && !c.running()) continue;
            String status = c.running() ? "Up" : c.state() == ContainerInfo.State.EXITED ? "Exited (" + c.exitCode() + ")" : "Created";
            io.out().accept(String.format("%-14s %-30s %-14s %-18s %s", c.name(), c.image(), c.service(), status,
                    c.running() ? String.join(", ", c.ports()) : ""));
        }
        return 0;
    }

    private static void status(Io io, String what, String word) {
        io.out().accept(" ✔ " + String.format("%-40s", what) + " " + word);
    }

    private static String one(String command, List<String> args) {
        var names = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (names.size() != 1) throw new ShellError(command + ": exactly one container name is required");
        return names.get(0);
    }

    private static Set<String> ids(List<ContainerInfo> cs) {
        var s = new HashSet<String>();
        for (ContainerInfo c : cs) s.add(c.id());
        return s;
    }

    private static Set<String> names(List<VolumeInfo> vs) {
        var s = new HashSet<String>();
        for (VolumeInfo v : vs) s.add(v.name());
        return s;
    }
}
