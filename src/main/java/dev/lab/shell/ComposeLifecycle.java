package dev.lab.shell;

import dev.lab.engine.Conditions;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code docker compose up|down|restart|stop|start} on one project: the engine call, then Compose's
 * progress lines for what changed, and its word on containers whose service left the compose file.
 */
record ComposeLifecycle(Engine engine, Project project, Io io) {

    /** {@code up -d [--remove-orphans] [--wait [--wait-timeout N]]}; an empty {@code services} is every service. */
    void up(List<String> services, DockerArgs args) throws EngineException {
        if (!args.has("--detach")) {
            throw new ShellError("docker compose up without -d would attach to the logs forever; use `docker compose up -d`");
        }
        boolean wait = args.has("--wait") || args.has("--wait-timeout");
        Duration timeout = wait ? waitTimeout(args.value("--wait-timeout")) : null; // a bad value: refused before anything starts
        var before = ids(engine.containers(project));
        var runningBefore = ids(engine.containers(project).stream().filter(ContainerInfo::running).toList());
        var volumesBefore = names(engine.volumes(project));
        if (args.has("--remove-orphans")) removeOrphans();
        engine.up(project, services);
        if (wait) Conditions.awaitUp(engine, project, services, timeout);
        for (VolumeInfo v : engine.volumes(project)) {
            if (!v.anonymous() && !volumesBefore.contains(v.name())) DockerOutput.status(io, "Volume \"" + v.name() + "\"", "Created");
        }
        for (ContainerInfo c : inFile()) {
            if (!services.isEmpty() && !services.contains(c.service()) && before.contains(c.id())) continue;
            DockerOutput.status(io, "Container " + c.name(), runningBefore.contains(c.id()) ? "Running" : "Started");
        }
        if (!args.has("--remove-orphans")) warnOrphans();
    }

    void down(boolean volumes, boolean removeOrphans) throws EngineException {
        var containers = inFile();
        var vols = engine.volumes(project);
        if (removeOrphans) removeOrphans();
        else warnOrphans();
        engine.down(project, volumes);
        for (ContainerInfo c : containers) DockerOutput.status(io, "Container " + c.name(), "Removed");
        var left = names(engine.volumes(project));
        for (VolumeInfo v : vols) if (!left.contains(v.name())) DockerOutput.status(io, "Volume " + v.name(), "Removed");
    }

    /** {@code restart}, {@code stop} or {@code start} of the services (every service when empty). */
    void cycle(String verb, List<String> services) throws EngineException {
        apply(engine, project, verb, services);
        String word = verb.equals("stop") ? "Stopped" : "Started";
        for (ContainerInfo c : engine.containers(project)) {
            if (services.isEmpty() || services.contains(c.service())) DockerOutput.status(io, "Container " + c.name(), word);
        }
    }

    /** The engine call behind {@code restart}, {@code stop} and {@code start}, for Compose and for {@code docker <verb> NAME}. */
    static void apply(Engine engine, Project project, String verb, List<String> services) throws EngineException {
        switch (verb) {
            case "restart" -> engine.restart(project, services);
            case "stop" -> engine.stop(project, services);
            default -> engine.start(project, services);
        }
    }

    /** {@code --wait-timeout N} in seconds; Compose waits without end when it is absent, the runner up to ten minutes. */
    private static Duration waitTimeout(String given) {
        if (given == null) return Duration.ofMinutes(10);
        if (!given.matches("[0-9]{1,6}")) {
            throw new ShellError("invalid argument \"" + given + "\" for \"--wait-timeout\" flag: strconv.ParseInt: parsing \"" + given
                    + "\": invalid syntax");
        }
        return Duration.ofSeconds(Long.parseLong(given));
    }

    /** The project's containers whose service is in the compose file in force (Compose ignores the others). */
    private List<ContainerInfo> inFile() {
        return engine.containers(project).stream().filter(c -> project.compose().services().containsKey(c.service())).toList();
    }

    private List<ContainerInfo> orphans() {
        return engine.containers(project).stream().filter(c -> !project.compose().services().containsKey(c.service())).toList();
    }

    private void removeOrphans() throws EngineException {
        var orphans = orphans();
        engine.removeOrphans(project);
        for (ContainerInfo c : orphans) DockerOutput.status(io, "Container " + c.name(), "Removed");
    }

    private void warnOrphans() {
        var orphans = orphans().stream().map(ContainerInfo::name).toList();
        if (!orphans.isEmpty()) {
            io.err().accept("WARN[0000] Found orphan containers (" + orphans + ") for this project. If you removed or renamed"
                    + " this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.");
        }
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
