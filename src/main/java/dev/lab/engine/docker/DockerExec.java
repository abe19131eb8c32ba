package dev.lab.engine.docker;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code docker exec} on the Docker engine is handed to the Docker CLI, run by the shim's process with
 * the learner's terminal: a terminal session (raw mode, window size, detach keys, stdin forwarding)
 * belongs to the process that owns the terminal, which the engine host is not, and the CLI is the
 * tool that does it right. The CLI gets the container's id and the host's {@code DOCKER_HOST}, so
 * it reaches the same container of the same daemon.
 */
final class DockerExec {
    private DockerExec() {}

    static ExecPlan plan(ContainerInfo c, ExecRequest r, String dockerHost) throws EngineException {
        if (!c.running()) throw ExecRequest.notRunning(c.id());
        Path cli = cli(System.getenv().getOrDefault("PATH", "")).orElseThrow(() -> new EngineException(
                "docker exec: the Docker engine's exec needs the Docker CLI (package docker-ce-cli or docker.io) on the PATH"));
        var argv = new ArrayList<>(List.of(cli.toString(), "exec"));
        if (r.interactive()) argv.add("-i");
        if (r.tty()) argv.add("-t");
        if (r.user() != null) argv.addAll(List.of("-u", r.user()));
        if (r.workdir() != null) argv.addAll(List.of("-w", r.workdir()));
        r.env().forEach((k, v) -> argv.addAll(List.of("-e", k + "=" + v)));
        argv.add(c.id());
        argv.addAll(r.command());
        return new ExecPlan(argv, Map.of("DOCKER_HOST", dockerHost), true, r.tty(), r.interactive());
    }

    /** The first {@code docker} on the PATH that is a program, not a script (the lab's own shim is an sh script). */
    static java.util.Optional<Path> cli(String path) {
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "docker");
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) continue;
            try (InputStream in = Files.newInputStream(p)) {
                byte[] head = in.readNBytes(2);
                if (head.length == 2 && head[0] == '#' && head[1] == '!') continue;
            } catch (IOException e) {
                continue;
            }
            return java.util.Optional.of(p);
        }
        return java.util.Optional.empty();
    }
}
