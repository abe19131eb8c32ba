package dev.lab.cli;

import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import dev.lab.host.EngineHost;
import dev.lab.host.HostPaths;
import dev.lab.host.HostIdentity;
import dev.lab.host.HostLauncher;
import dev.lab.progress.LabHome;
import dev.lab.session.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab engine status|stop}, and the hidden {@code lab engine host} that {@link HostLauncher} starts. */
final class EngineHostCommands {
    private EngineHostCommands() {}

    private static LabHome home() { return LabHome.fromEnvironment(System.getenv()); }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the engine host of this lab home.")
    static final class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            var status = HostLauncher.status(home());
            if (status.isEmpty()) {
                System.out.println("no engine host is running for " + home().root());
                return 3;
            }
            var s = status.get();
            System.out.println("engine host: pid " + s.path("pid").asLong() + ", " + s.path("engine").asText() + " engine, edition "
                    + s.path("edition").asText() + ", up " + s.path("uptime").asLong() + " s, " + s.path("clients").asInt()
                    + " client(s), socket " + s.path("socket").asText());
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the engine host of this lab home (the embedded engine's containers stay, stopped).")
    static final class Stop implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            System.out.println(HostLauncher.stop(home()) ? "engine host stopped" : "no engine host is running for " + home().root());
            return 0;
        }
    }

    @Command(name = "host", hidden = true, description = "Serve one engine to every lab process of this lab home (started by lab itself).")
    static final class Host implements Callable<Integer> {
        @Option(names = "--engine", defaultValue = "embedded") String engine;
        @Option(names = "--edition", defaultValue = "community-4.14") String edition;
        @Option(names = "--image") java.util.List<String> images = new java.util.ArrayList<>();
        @Option(names = "--idle", description = "milliseconds without a client before the host stops") long idleMillis = 60_000;

        /**
         * What the embedded engine's init hooks get: the lab's own {@code awslocal}, {@code aws} and
         * {@code docker} in front of their PATH, reaching this host; in a sandbox, the host's folder
         * (socket, client) and this JVM are bound read-only so those commands can run.
         */
        static HookEnvironment hooks(HostPaths paths) {
            return HookEnvironment.engineHost(paths.binDir(), paths.socket(), paths.dir());
        }

        @Override
        public Integer call() throws Exception {
            // The host's awslocal and the blog-service call S3 soon; the SDK loads while the host still starts up.
            dev.lab.aws.S3Clients.warmUp();
            var identity = new HostIdentity(engine, edition, dev.lab.compose.ImageOverrides.parse(images));
            var home = home();
            System.err.println(java.time.Instant.now() + " engine host pid " + ProcessHandle.current().pid() + ": " + identity.describe());
            var paths = HostLauncher.paths(home);
            dev.lab.trace.Trace.mark("host: opening the engine");
            try (var host = new EngineHost(Engines.open(engine, edition, home.embeddedEngine(), InitScripts.of(hooks(paths))), identity, paths,
                    Duration.ofMillis(idleMillis)).start()) {
                dev.lab.trace.Trace.mark("host: serving");
                host.awaitStop();
            }
            System.err.println(java.time.Instant.now() + " engine host stopped");
            return 0;
        }
    }
}
