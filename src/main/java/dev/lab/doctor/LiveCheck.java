package dev.lab.doctor;

import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.Service;
import dev.lab.doctor.LiveReport.ContainerState;
import dev.lab.doctor.LiveReport.Row;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.fs.FileTrees;
import dev.lab.hooks.HookEnvironment;
import dev.lab.host.EngineHost;
import dev.lab.host.HostIdentity;
import dev.lab.host.HostPaths;
import java.time.Duration;
import dev.lab.hooks.InitScripts;
import dev.lab.hooks.Sandbox;
import dev.lab.session.Engines;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lab doctor --live}: runs the persistence scenario on a copy of a compose file. After
 * {@code up} it writes bucket {@code lab-doctor} and object {@code probe.txt}, then, for each
 * {@link Action}, writes them again, performs the action and looks for them. Everything it creates
 * (copy, engine root, containers, volumes) is removed at the end.
 */
public final class LiveCheck {
    private LiveCheck() {}

    /**
     * Runs the scenario on the file's first LocalStack service.
     *
     * @param engine  {@code embedded} or {@code docker}
     * @param edition {@code community-4.14} or {@code pro}
     * @throws ComposeException         for a bad file, or a LocalStack service without a published 4566 port
     * @throws IllegalArgumentException for an unknown engine or edition, or a file without LocalStack
     * @throws EngineException          when the engine fails (port in use, docker engine)
     */
    public static LiveReport run(Path file, String engine, String edition) throws EngineException, IOException {
        if (!engine.equals("embedded")) return run(file, engine, edition, HookEnvironment.none(), Sandbox.detect());
        // The hooks' awslocal (a ready.d script's `awslocal s3 mb`) is a client of an engine host: the scenario's
        // temporary engine gets one of its own, in a temporary folder, for as long as the check runs.
        Path dir = Files.createTempDirectory("lab-doctor-host");
        try {
            var paths = new HostPaths(dir.resolve("engine"));
            return run(file, engine, edition, HookEnvironment.engineHost(paths.binDir(), paths.socket(), paths.dir()), Sandbox.detect(), paths);
        } finally {
            FileTrees.delete(dir);
        }
    }

    /**
     * As {@link #run(Path, String, String)}; on the embedded engine the service's init hooks (a stranger's
     * code) run only in {@code sandbox} with {@code hooks} added, and are not run at all without one.
     */
    public static LiveReport run(Path file, String engine, String edition, HookEnvironment hooks, Sandbox sandbox)
            throws EngineException, IOException {
        return run(file, engine, edition, hooks, sandbox, null);
    }

    private static LiveReport run(Path file, String engine, String edition, HookEnvironment hooks, Sandbox sandbox, HostPaths host)
            throws EngineException, IOException {
        if (!Files.isRegularFile(file)) throw new ComposeException(file, 0, "no such compose file");
        String text = Files.readString(file);
        ComposeFile compose = ComposeParser.parse(file, text);
        var lines = new SourceLines(text);
        Service localstack = Doctor.localStackServices(compose).stream().findFirst().orElseThrow(() ->
                new IllegalArgumentException(file + ": no LocalStack service (image localstack/localstack or localstack-pro)"));
        int port = LocalStackEndpoint.hostPort(localstack).orElseThrow(() -> new ComposeException(file, lines.key(localstack, "ports"),
                "lab doctor --live needs LocalStack's port 4566 published on a host port (e.g. `ports: -"
                        + " \"127.0.0.1:4566:4566\"`); service '" + localstack.name() + "' publishes none"));
        String endpoint = LocalStackEndpoint.at(port).toString();
        try (var workspace = LiveWorkspace.copy(compose, localstack, lines)) {
            Engine e = Engines.open(engine, edition, workspace.engineRoot(), InitScripts.confinedOnly(hooks, sandbox));
            String hooksNotRun = engine.equals("embedded") && !sandbox.available() && hasInitHooks(localstack)
                    ? "init hooks not run: lab doctor --live runs a compose file's hooks only in a sandbox, and none can start"
                    + " here (" + sandbox.unavailableReason() + ")" : null;
            EngineHost served = host == null ? null : new EngineHost(e, new HostIdentity(engine, edition, java.util.Map.of()), host,
                    Duration.ofDays(1)).start();
            try {
                var project = new Project(LiveWorkspace.PROJECT, workspace.compose().getParent(),
                        ComposeParser.parse(workspace.compose()));
                var rows = new ArrayList<Row>();
                ContainerState atStart = scenario(e, project, localstack.name(), new S3Probe(URI.create(endpoint)), rows);
                return new LiveReport(engine, edition, file, localstack.name(), endpoint, atStart, rows, hooksNotRun);
            } finally {
                if (served != null) {
                    served.stop();
                    served.removeSocket();
                }
                e.purge(LiveWorkspace.PROJECT);
                e.close();
            }
        }
    }

    private static boolean hasInitHooks(Service s) {
        return s.volumes().stream().anyMatch(m -> (m.target() + "/").startsWith("/etc/localstack/init/")
                || "/etc/localstack/init/".startsWith(m.target() + "/"));
    }

    /** Brings LocalStack up, then adds a row per action when it started; returns its state after the first up. */
    private static ContainerState scenario(Engine engine, Project project, String service, S3Probe s3, List<Row> rows)
            throws EngineException {
        List<String> only = List.of(service);
        engine.up(project, only);
        ContainerState atStart = state(engine, project, service);
        if (atStart.running()) {
            for (Action action : Action.values()) {
                if (state(engine, project, service).running()) {
                    s3.awaitInit();
                    s3.seed();
                }
                action.perform(engine, project, only);
                ContainerState after = state(engine, project, service);
                boolean up = after.running();
                rows.add(new Row(action, up && s3.bucketExists(), up && s3.objectExists(), after));
            }
        }
        return atStart;
    }

    private static ContainerState state(Engine engine, Project project, String service) throws EngineException {
        ContainerInfo c = engine.container(project, service).orElse(null);
        if (c == null) return new ContainerState("absent", false, null);
        if (c.running()) return new ContainerState("running", true, null);
        List<String> log = engine.logs(project, c.name());
        return new ContainerState(c.state().word() + " (" + c.exitCode() + ")", false,
                log.isEmpty() ? null : log.get(log.size() - 1));
    }
}
