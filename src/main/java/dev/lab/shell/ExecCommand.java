package dev.lab.shell;

import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.ExecPlan;
import dev.lab.engine.ExecRequest;
import dev.lab.engine.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code docker exec [-i] [-t] [-u USER] [-w DIR] [-e K=V] CONTAINER CMD…} and {@code docker compose exec
 * [-T] SERVICE CMD…}: the engine says which host process does it, and the owner of the terminal runs it.
 */
final class ExecCommand {
    private ExecCommand() {}

    static int docker(Engine engine, Project project, List<String> words, Io io) throws Refused {
        DockerArgs a = parse(DockerArgs.DOCKER.get("exec"), words);
        a.only("docker exec", "--interactive", "--tty", "--user", "--workdir", "--env");
        boolean tty = a.has("--tty");
        // Docker's CLI refuses a terminal session on an input that is not one.
        if (tty && a.has("--interactive") && !io.handoff().terminal()) throw new Refused(List.of("the input device is not a TTY"), 1);
        return run(engine, project, a, a.has("--interactive"), tty, io);
    }

    static int compose(Engine engine, Project project, List<String> words, Io io) throws Refused {
        DockerArgs a = parse(DockerArgs.COMPOSE.get("exec"), words);
        a.only("docker compose exec", "--no-TTY", "--user", "--workdir", "--env");
        // Compose gives a terminal by default, and leaves it out by itself when its input is not one.
        return run(engine, project, a, true, !a.has("--no-TTY") && io.handoff().terminal(), io);
    }

    // Flags end at the container: what follows belongs to the command (`docker exec c ls -la`).
    private static DockerArgs parse(DockerArgs.Spec spec, List<String> words) throws Refused {
        int at = DockerArgs.leadingFlags(spec, words);
        var split = new ArrayList<>(words.subList(0, at));
        split.add("--");
        split.addAll(words.subList(at, words.size()));
        return DockerArgs.parse(spec, split);
    }

    // Docker's exit codes for exec (observed with Docker 28): 126 for a program not found in the container, 1 for the daemon's other refusals.
    private static int run(Engine engine, Project project, DockerArgs a, boolean interactive, boolean tty, Io io) {
        var env = new LinkedHashMap<String, String>();
        for (String kv : a.values().getOrDefault("--env", List.of())) {
            int eq = kv.indexOf('=');
            if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        var request = new ExecRequest(a.args().get(0), a.args().subList(1, a.args().size()), interactive, tty,
                a.value("--user"), a.value("--workdir"), env);
        ExecPlan plan;
        try {
            plan = engine.exec(project, request);
        } catch (EngineException e) {
            io.err().accept(e.getMessage());
            return ExecStatus.of(e.getMessage());
        }
        return io.handoff().run(plan);
    }
}
