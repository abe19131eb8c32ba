package dev.lab.check;

import dev.lab.engine.ContainerInfo;
import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import dev.lab.engine.VolumeInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Checks on containers, volumes, mounts and logs, asked of the engine. */
final class EngineChecks {
    private EngineChecks() {}

    static Check container(String text, String name, String state, Integer exit) {
        String expected = state + (exit == null ? "" : " exit " + exit);
        return check(text, expected, p -> {
            Optional<ContainerInfo> c = p.engine().container(p.project().get(), name);
            if (c.isEmpty()) return new String[] {"absent", "no container named " + name};
            var info = c.get();
            String actual = info.state().word() + (exit == null ? "" : " exit " + info.exitCode());
            return new String[] {actual, info.name() + " " + info.id().substring(0, 12) + " " + info.state().word()
                    + (info.running() ? "" : " (" + info.exitCode() + ")")};
        });
    }

    static Check volume(String text, String name, String state) {
        return check(text, state, p -> {
            var project = p.project().get();
            List<VolumeInfo> vols = p.engine().volumes(project);
            String full = project.compose().volumes().containsKey(name) ? project.volumeName(name) : name;
            boolean exists = vols.stream().anyMatch(v -> v.name().equals(full));
            return new String[] {exists ? "exists" : "missing", "volumes: " + (vols.isEmpty() ? "none"
                    : String.join(", ", vols.stream().map(v -> v.anonymous() ? v.name().substring(0, 12) + "… (anonymous)" : v.name()).toList()))};
        });
    }

    static Check mount(String text, String container, String path, String type) {
        return check(text, type, p -> {
            Optional<ContainerInfo> c = p.engine().container(p.project().get(), container);
            if (c.isEmpty()) return new String[] {"no container", "no container named " + container};
            Optional<MountInfo> m = c.get().mounts().stream().filter(x -> x.destination().equals(path)).findFirst();
            return new String[] {m.map(MountInfo::type).orElse("none"), m.map(x -> x.type() + " "
                    + (x.name() != null ? x.name() : x.source()) + " → " + x.destination()).orElse("no mount at " + path)};
        });
    }

    static Check log(String text, String container, Expectation e) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                List<String> lines;
                try {
                    lines = p.engine().logs(p.project().get(), container);
                } catch (EngineException x) {
                    return CheckResult.of(text, e.expected(), "no container", false, x.getMessage());
                }
                return e.result(text, lines, e.evidence(lines, "(no log lines)"));
            }
        };
    }

    static Check health(String text, String name, String status) {
        return check(text, status, p -> {
            Optional<ContainerInfo> c = p.engine().container(p.project().get(), name);
            if (c.isEmpty()) return new String[] {"no container", "no container named " + name};
            var info = c.get();
            String health = info.health().isEmpty() ? "none" : info.health();
            return new String[] {health, info.name() + " " + info.state().word()
                    + (info.health().isEmpty() ? " (no healthcheck)" : " (" + info.health() + ")")};
        });
    }

    private static Check check(String text, String expected, Function<Probes, String[]> probe) {
        return new Check() {
            @Override public String text() { return text; }

            @Override public CheckResult evaluate(Probes p) {
                String[] found = probe.apply(p);
                return CheckResult.of(text, expected, found[0], found[0].equals(expected), found[1]);
            }
        };
    }
}
