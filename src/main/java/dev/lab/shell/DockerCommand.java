package dev.lab.shell;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** {@code docker compose …} and the {@code docker} subcommands labs use, against the engine. */
final class DockerCommand {
    private final Engine engine;
    private final Supplier<Project> project;

    DockerCommand(Engine engine, Supplier<Project> project) {
        this.engine = engine;
        this.project = project;
    }

    int run(List<String> argv, Io io) {
        try {
            return dispatch(argv, io);
        } catch (Refused e) {
            return e.report(io);
        } catch (EngineException e) {
            io.err().accept(e.getMessage());
            return 1;
        }
    }

    private int dispatch(List<String> argv, Io io) throws Refused, EngineException {
        if (argv.size() < 2) return usage("docker [OPTIONS] COMMAND", io);
        String sub = argv.get(1);
        var rest = argv.subList(2, argv.size());
        if (sub.equals("compose")) return compose(rest, io);
        if (sub.equals("exec")) return execute(() -> ExecCommand.docker(engine, project.get(), rest, io), io);
        if (sub.equals("volume")) {
            if (rest.isEmpty()) return usage("docker volume COMMAND", io);
            if (!rest.get(0).equals("ls")) {
                if (Set.of("create", "inspect", "prune", "rm", "update").contains(rest.get(0))) {
                    throw new ShellError("docker volume " + rest.get(0) + " is not supported by the lab's runner (supported: docker volume ls)");
                }
                throw new Refused(List.of("docker: unknown command: docker volume " + rest.get(0), "", "Usage:  docker volume COMMAND", "",
                        "Run 'docker volume --help' for more information"), 1);
            }
            DockerArgs.parse(DockerArgs.DOCKER.get("volume ls"), rest.subList(1, rest.size())).only("docker volume ls");
            return volumes(io);
        }
        DockerArgs.Spec spec = DockerArgs.DOCKER.get(sub);
        if (spec == null) {
            if (DockerArgs.DOCKER_COMMANDS.contains(sub)) {
                throw new ShellError("docker " + sub + " is not supported by the lab's runner (supported: compose, ps, logs, inspect,"
                        + " restart, stop, start, exec, volume ls)");
            }
            throw new Refused(List.of("docker: unknown command: docker " + sub, "", "Run 'docker --help' for more information"), 1);
        }
        DockerArgs args = DockerArgs.parse(spec, rest);
        switch (sub) {
            case "ps" -> {
                args.only("docker ps", "--all");
                return ps(engine.containers(project.get()), args.has("--all"), io);
            }
            case "logs" -> {
                args.only("docker logs");
                return logs(args.args().get(0), false, io);
            }
            case "inspect" -> {
                args.only("docker inspect");
                if (args.args().size() != 1) throw new ShellError("docker inspect: the lab's runner inspects one container at a time");
                return Inspect.print(engine, project.get(), args.args().get(0), io);
            }
            default -> {
                args.only("docker " + sub);
                for (String name : args.args()) single(sub, name, io);
                return 0;
            }
        }
    }

    /** {@code docker compose <sub> …}; also serves {@code docker-compose}. */
    int compose(List<String> words, Io io) {
        try {
            return composeCommand(words, io);
        } catch (Refused e) {
            return e.report(io);
        }
    }

    private int composeCommand(List<String> words, Io io) throws Refused {
        int at = DockerArgs.leadingFlags(DockerArgs.COMPOSE_ROOT, words);
        DockerArgs.parse(DockerArgs.COMPOSE_ROOT, words.subList(0, at)).only("docker compose", "--profile");
        var profiles = new java.util.ArrayList<>(values(words.subList(0, at), "--profile"));
        String fromEnv = System.getenv("COMPOSE_PROFILES");
        if (profiles.isEmpty() && fromEnv != null && !fromEnv.isBlank()) profiles.addAll(List.of(fromEnv.split(",")));
        if (at == words.size()) return usage("docker compose [OPTIONS] COMMAND", io);
        String sub = words.get(at);
        DockerArgs.Spec spec = DockerArgs.COMPOSE.get(sub);
        if (spec == null) {
            if (DockerArgs.COMPOSE_COMMANDS.contains(sub)) {
                throw new ShellError("docker compose " + sub + " is not supported by the lab's runner"
                        + " (supported: up -d, down [-v], restart, stop, start, ps, logs, exec)");
            }
            throw new Refused(List.of("unknown docker command: \"compose " + sub + "\""), 1);
        }
        if (sub.equals("exec")) return execute(() -> ExecCommand.compose(engine, project.get(), words.subList(at + 1, words.size()), io), io);
        DockerArgs parsed = DockerArgs.parse(spec, words.subList(at + 1, words.size()));
        switch (sub) {
            case "up" -> parsed.only("docker compose up", "--detach", "--remove-orphans", "--wait", "--wait-timeout");
            case "down" -> parsed.only("docker compose down", "--volumes", "--remove-orphans");
            case "ps" -> parsed.only("docker compose ps", "--all");
            default -> parsed.only("docker compose " + sub);
        }
        var flags = parsed.flags();
        var services = parsed.args();
        Project p = project.get();
        if (sub.equals("up") && services.isEmpty()) {
            // Services outside the active profiles are not started unless named (Compose's rule).
            var active = p.compose().services().values().stream().filter(s -> s.enabledBy(profiles))
                    .map(dev.lab.compose.Service::name).toList();
            if (active.isEmpty()) throw new ShellError("no service selected (every service is in a profile; use --profile NAME)");
            if (active.size() < p.compose().services().size()) services = active;
        }
        try {
            switch (sub) {
                case "up" -> {
                    if (!flags.contains("--detach")) {
                        throw new ShellError("docker compose up without -d would attach to the logs forever; use `docker compose up -d`");
                    }
                    var before = ids(engine.containers(p));
                    var runningBefore = ids(engine.containers(p).stream().filter(ContainerInfo::running).toList());
                    var volumesBefore = names(engine.volumes(p));
                    if (flags.contains("--remove-orphans")) removeOrphans(p, io);
                    engine.up(p, services);
                    if (flags.contains("--wait") || flags.contains("--wait-timeout")) {
                        var plan = dev.lab.engine.Dependencies.order(p.compose(), services).stream()
                                .map(dev.lab.compose.Service::name).toList();
                        dev.lab.engine.Conditions.await(() -> engine.containers(p).stream()
                                        .filter(c -> plan.contains(c.service())).toList(),
                                name -> p.compose().services().get(name), waitTimeout(words.subList(at + 1, words.size())), engine);
                    }
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
                    boolean volumes = flags.contains("--volumes");
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
                case "ps" -> ps(engine.containers(p), flags.contains("--all"), io);
                case "logs" -> {
                    for (ContainerInfo c : engine.containers(p)) {
                        if (services.isEmpty() || services.contains(c.service())) logs(c.name(), true, io);
                    }
                }
            }
            return 0;
        } catch (dev.lab.engine.Conditions.Failed e) {
            io.err().accept(e.getMessage());
            return 1;
        } catch (EngineException e) {
            io.err().accept("Error response from daemon: " + e.getMessage());
            return 1;
        }
    }

    private interface ExecBody {
        int run() throws Refused, EngineException;
    }

    private static int execute(ExecBody body, Io io) throws Refused {
        try {
            return body.run();
        } catch (EngineException e) {
            io.err().accept(e.getMessage());
            return ExecStatus.of(e.getMessage());
        }
    }

    /** The values of a flag given as {@code --flag V} or {@code --flag=V}. */
    private static List<String> values(List<String> words, String flag) {
        var out = new java.util.ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(flag) && i + 1 < words.size()) out.add(words.get(++i));
            else if (w.startsWith(flag + "=")) out.add(w.substring(flag.length() + 1));
        }
        return out;
    }

    /** {@code --wait-timeout N} in seconds; Compose waits without end when it is absent, the runner up to ten minutes. */
    private static java.time.Duration waitTimeout(List<String> words) {
        var given = values(words, "--wait-timeout");
        if (given.isEmpty()) return java.time.Duration.ofMinutes(10);
        String v = given.get(given.size() - 1);
        if (!v.matches("[0-9]{1,6}")) throw new ShellError("invalid argument \"" + v + "\" for \"--wait-timeout\" flag: strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
        return java.time.Duration.ofSeconds(Long.parseLong(v));
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

    private int volumes(Io io) {
        io.out().accept(String.format("%-8s%s", "DRIVER", "VOLUME NAME"));
        for (VolumeInfo v : engine.volumes(project.get())) io.out().accept(String.format("%-8s%s", "local", v.name()));
        return 0;
    }

    private static int ps(List<ContainerInfo> containers, boolean all, Io io) {
        io.out().accept(String.format("%-14s %-30s %-14s %-28s %s", "NAME", "IMAGE", "SERVICE", "STATUS", "PORTS"));
        var now = java.time.Instant.now();
        for (ContainerInfo c : containers) {
            if (!all && !c.running()) continue;
            io.out().accept(String.format("%-14s %-30s %-14s %-28s %s", c.name(), c.image(), c.service(), c.status(now),
                    c.running() ? String.join(", ", c.ports()) : ""));
        }
        return 0;
    }

    private static void status(Io io, String what, String word) {
        io.out().accept(" ✔ " + String.format("%-40s", what) + " " + word);
    }

    private static int usage(String usage, Io io) {
        io.out().accept("");
        io.out().accept("Usage:  " + usage);
        return 0;
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
