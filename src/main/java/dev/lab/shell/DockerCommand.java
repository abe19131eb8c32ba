package dev.lab.shell;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code docker} subcommands labs use, against the engine; {@code docker compose …} and
 * {@code docker-compose …} go to {@link ComposeCommand}.
 */
record DockerCommand(Engine engine, Supplier<Project> project) {

    /** Runs {@code argv} ({@code docker …} or {@code docker-compose …}); returns the exit status. */
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
        if (argv.get(0).equals("docker-compose")) return new ComposeCommand(engine, project).run(argv.subList(1, argv.size()), io);
        if (argv.size() < 2) return DockerOutput.usage("docker [OPTIONS] COMMAND", io);
        String sub = argv.get(1);
        var rest = argv.subList(2, argv.size());
        if (sub.equals("compose")) return new ComposeCommand(engine, project).run(rest, io);
        if (sub.equals("exec")) return ExecCommand.docker(engine, project.get(), rest, io);
        if (sub.equals("volume")) return volume(rest, io);
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
                return DockerOutput.ps(engine.containers(project.get()), args.has("--all"), io);
            }
            case "logs" -> {
                args.only("docker logs");
                return DockerOutput.logs(engine, project.get(), args.args().get(0), false, io);
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

    private int volume(List<String> words, Io io) throws Refused {
        if (words.isEmpty()) return DockerOutput.usage("docker volume COMMAND", io);
        if (!words.get(0).equals("ls")) {
            if (Set.of("create", "inspect", "prune", "rm", "update").contains(words.get(0))) {
                throw new ShellError("docker volume " + words.get(0) + " is not supported by the lab's runner (supported: docker volume ls)");
            }
            throw new Refused(List.of("docker: unknown command: docker volume " + words.get(0), "", "Usage:  docker volume COMMAND", "",
                    "Run 'docker volume --help' for more information"), 1);
        }
        DockerArgs.parse(DockerArgs.DOCKER.get("volume ls"), words.subList(1, words.size())).only("docker volume ls");
        return DockerOutput.volumes(engine.volumes(project.get()), io);
    }

    /** {@code docker restart|stop|start NAME}: the container's service, as Compose would do it. */
    private void single(String verb, String name, Io io) throws EngineException {
        Project p = project.get();
        ContainerInfo c = engine.container(p, name)
                .orElseThrow(() -> new EngineException("Error response from daemon: No such container: " + name));
        ComposeLifecycle.apply(engine, p, verb, List.of(c.service()));
        io.out().accept(name);
    }
}
