package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lab.engine.EngineException;
import dev.lab.progress.LabHome;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a {@code lab} process reaches the engine host of its lab home: connect, or start it first
 * ({@code lab engine host …} in a detached JVM of the same class path), then say hello.
 */
public final class HostLauncher {
    /** How long a host lives after its last client left, unless {@code LAB_ENGINE_IDLE} (seconds) says otherwise. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    private HostLauncher() {}

    /** The host's files for a lab home. */
    public static HostPaths paths(LabHome home) { return HostPaths.under(home.state()); }

    /**
     * Connects to the lab home's host, starting it when none answers.
     *
     * @param progress told once when the start takes a while
     * @throws EngineException when the host cannot start (naming its log)
     * @throws IllegalStateException when the running host serves another engine, edition or images
     */
    public static RemoteEngine open(LabHome home, HostIdentity identity, Consumer<String> progress) throws EngineException {
        HostPaths paths = paths(home);
        try {
            Spawner.ensure(paths, command(identity), 90_000, progress);
            dev.lab.trace.Trace.mark("host answers");
            var engine = RemoteEngine.connect(paths.socket(), identity);
            dev.lab.trace.Trace.mark("host connected");
            return engine;
        } catch (IOException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Whether a host answers for the lab home. */
    public static boolean running(LabHome home) { return Spawner.answers(paths(home).socket()); }

    /** The command line of a host serving {@code identity}. */
    static List<String> command(HostIdentity identity) {
        var cmd = new ArrayList<>(List.of(Shims.java()));
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", Shims.classPath()));
        if (System.getProperty("lab.home") != null) cmd.add("-Dlab.home=" + System.getProperty("lab.home"));
        // docker-java reads DOCKER_HOST from system properties as well as the environment: the host must reach the same engine.
        if (System.getProperty("DOCKER_HOST") != null) cmd.add("-DDOCKER_HOST=" + System.getProperty("DOCKER_HOST"));
        cmd.addAll(List.of("dev.lab.cli.Main", "engine", "host", "--engine", identity.engine(), "--edition", identity.edition(),
                "--idle", String.valueOf(idle().toMillis())));
        identity.images().forEach((k, v) -> cmd.addAll(List.of("--image", k + "=" + v)));
        return cmd;
    }

    /**
     * The host JVM's options. Its launcher hands lab's class-data archive on in {@code lab.host.cds}: one archive,
     * trained on a lab process and its host together, serves both (same class path), so the host's first start is
     * as quick as lab's. {@code lab.host.classlist} is for that training: the host writes the classes it loaded there.
     * Serial GC as in lab's own JVM (an archive is made for one GC's settings); C2 stays on, the host serves S3.
     */
    static List<String> jvmOptions() {
        var opts = new ArrayList<String>();
        String cds = System.getProperty("lab.host.cds", "");
        if (!cds.isBlank()) opts.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        String classList = System.getProperty("lab.host.classlist", "");
        if (!classList.isBlank()) opts.add("-XX:DumpLoadedClassList=" + classList);
        opts.add("-XX:+UseSerialGC");
        // A small first heap and C2's freed memory handed back, as for `lab engine serve` (bench/peers.sh): the host
        // serves S3 too. A JDK 17 older than 17.0.9 lacks TrimNativeHeapInterval, hence IgnoreUnrecognizedVMOptions.
        opts.addAll(List.of("-Xms16m", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=1000"));
        return opts;
    }

    /** {@code LAB_ENGINE_IDLE} seconds (fractions allowed), else {@link #DEFAULT_IDLE}. */
    public static Duration idle() {
        String v = System.getenv("LAB_ENGINE_IDLE");
        if (v == null || v.isBlank()) return DEFAULT_IDLE;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LAB_ENGINE_IDLE must be a number of seconds, not " + v);
        }
    }

    /** The running host's status (pid, engine, edition, uptime, clients, socket), or empty when none answers. */
    public static Optional<JsonNode> status(LabHome home) {
        return ask(paths(home), Frames.STATUS);
    }

    /** Stops the running host and waits until its socket is gone (its engine closed); false when none was running. */
    public static boolean stop(LabHome home) throws InterruptedException {
        HostPaths paths = paths(home);
        if (ask(paths, Frames.STOP).isEmpty()) return false;
        for (int i = 0; i < 600 && Files.exists(paths.socket()); i++) Thread.sleep(50);
        return true;
    }

    private static Optional<JsonNode> ask(HostPaths paths, byte type) {
        if (!Spawner.answers(paths.socket())) return Optional.empty();
        try (var channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(paths.socket()))) {
            Frames.write(Frames.out(channel), type, "{}");
            Frames.Frame reply = Frames.read(Frames.in(channel));
            return reply == null ? Optional.empty() : Optional.of(Wire.parse(reply.payload()).path("result"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
