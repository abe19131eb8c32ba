package dev.lab.shell;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.time.Instant;
import java.util.List;

/** What {@code docker} and {@code docker compose} print: their tables, status lines, logs and usage, laid out as Docker does. */
final class DockerOutput {
    private static final String PS = "%-14s %-30s %-14s %-28s %s";

    private DockerOutput() {}

    /** {@code docker ps} / {@code docker compose ps}: running containers, or all of them. */
    static int ps(List<ContainerInfo> containers, boolean all, Io io) {
        io.out().accept(String.format(PS, "NAME", "IMAGE", "SERVICE", "STATUS", "PORTS"));
        var now = Instant.now();
        for (ContainerInfo c : containers) {
            if (!all && !c.live()) continue;
            io.out().accept(String.format(PS, c.name(), c.image(), c.service(), c.status(now),
                    c.running() ? String.join(", ", c.ports()) : ""));
        }
        return 0;
    }

    /** {@code docker volume ls}. */
    static int volumes(List<VolumeInfo> volumes, Io io) {
        io.out().accept(String.format("%-8s%s", "DRIVER", "VOLUME NAME"));
        for (VolumeInfo v : volumes) io.out().accept(String.format("%-8s%s", "local", v.name()));
        return 0;
    }

    /** A container's log lines; Compose prefixes each with the container's name. */
    static int logs(Engine engine, Project project, String name, boolean prefixed, Io io) throws EngineException {
        for (String line : engine.logs(project, name)) io.out().accept(prefixed ? name + "  | " + line : line);
        return 0;
    }

    /** One of Compose's progress lines, e.g. {@code  ✔ Container localstack  Started}. */
    static void status(Io io, String what, String word) {
        io.out().accept(" ✔ " + String.format("%-40s", what) + " " + word);
    }

    /** What Docker prints for a command given without its subcommand. */
    static int usage(String usage, Io io) {
        io.out().accept("");
        io.out().accept("Usage:  " + usage);
        return 0;
    }
}
