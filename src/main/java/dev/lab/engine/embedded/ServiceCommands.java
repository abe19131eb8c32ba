package dev.lab.engine.embedded;

import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the embedded engine runs in place of an image's program ({@code entrypoint}/{@code command}): an
 * {@code aws}/{@code awslocal} call or a shell script, against the emulator. The one rule both the engine, as it creates
 * a container, and {@code lab validate}, before any container exists, apply.
 */
public final class ServiceCommands {
    private static final Set<String> PROGRAMS = Set.of("aws", "awslocal", "sh", "bash");

    private ServiceCommands() {}

    /**
     * Why the embedded engine would refuse to run the service, in the engine's own words; empty when it runs the image's
     * program or an accepted command. A {@code .sh} path counts when it lies under one of the service's mounts (whether
     * the file is there is known only once the workspace is).
     */
    public static Optional<String> refusal(Service s) {
        if (!Images.runsCommand(s)) return Optional.empty();
        try {
            argv(s, path -> s.volumes().stream().anyMatch(m -> path.startsWith(m.target() + "/")));
            return Optional.empty();
        } catch (EngineException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The argv the container runs, or a one-line refusal naming the service and {@code --engine docker}.
     *
     * @param script whether a {@code .sh} path names a script the container has
     */
    static List<String> argv(Service s, Predicate<String> script) throws EngineException {
        List<String> argv = s.run().argv();
        boolean awsImage = Images.isAwsCli(s.image());
        if (awsImage && s.run().entrypoint() == null) {
            argv = new java.util.ArrayList<>(argv);
            argv.add(0, "aws");
        }
        String shown = String.join(" ", argv);
        if (!awsImage && s.run().entrypoint() == null) {
            throw new EngineException("service " + s.name() + ": the embedded engine cannot run the image's entrypoint with"
                    + " `command: " + shown + "`; set `entrypoint` to an aws/awslocal call or a shell script, or use --engine docker");
        }
        if (argv.isEmpty()) throw new EngineException("service " + s.name() + ": empty entrypoint; use --engine docker");
        String program = argv.get(0);
        String base = program.substring(program.lastIndexOf('/') + 1);
        if (PROGRAMS.contains(base) || program.endsWith(".sh") && script.test(program)) return argv;
        throw new EngineException("service " + s.name() + ": the embedded engine cannot run `" + shown + "` (it runs aws/awslocal"
                + " calls and shell scripts against the emulator); use --engine docker");
    }
}
