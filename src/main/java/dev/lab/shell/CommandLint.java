package dev.lab.shell;

import dev.lab.engine.Engine;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@code docker}/{@code docker-compose}/{@code aws}/{@code awslocal} command line against
 * the lab's own argument parsers without running it, for {@code lab validate}: the same refusals a
 * step would meet at run time, found at validate time.
 */
public final class CommandLint {
    /** Thrown where a command, its arguments accepted, would first touch the engine or the workspace. */
    private static final class Accepted extends RuntimeException {
        Accepted() { super(null, null, false, false); }
    }

    private CommandLint() {}

    /**
     * What is wrong with {@code argv} ({@code argv[0]} one of {@link LabCommands#NAMES}), as the tool
     * prints it; empty when the lab's command accepts it.
     */
    public static List<String> problems(List<String> argv) {
        String name = argv.get(0);
        var err = new ArrayList<String>();
        try {
            if (name.startsWith("aws")) {
                AwsCommand.lint(argv);
                return List.of();
            }
            Engine engine = (Engine) Proxy.newProxyInstance(Engine.class.getClassLoader(), new Class<?>[] {Engine.class},
                    (proxy, method, args) -> { throw new Accepted(); });
            int status = new DockerCommand(engine, () -> { throw new Accepted(); }).run(argv, new Io(x -> { }, err::add));
            if (status != 0 && err.isEmpty()) err.add(name + " exited with " + status);
            return List.copyOf(err);
        } catch (Accepted e) {
            return List.copyOf(err);
        } catch (Refused e) {
            return e.lines.stream().filter(l -> !l.isBlank()).toList();
        } catch (ShellError e) {
            return List.of(e.getMessage());
        }
    }
}
