package dev.lab.cli;

import dev.lab.emulator.LocalStackConfig;
import dev.lab.fs.FileTrees;
import dev.lab.emulator.LocalStackEmulator;
import dev.lab.session.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab engine serve}: the emulated LocalStack alone, for {@code aws --endpoint-url} and {@code curl};
 * {@code status}/{@code stop} of the lab home's engine host, and {@code host}, the host itself.
 */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Engine tools.",
        subcommands = {EngineCommand.Serve.class, EngineHostCommands.Status.class, EngineHostCommands.Stop.class,
                EngineHostCommands.Host.class})
final class EngineCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the emulated LocalStack (S3 and /_localstack) on 127.0.0.1 until Ctrl-C.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "4566", description = "port on 127.0.0.1 (default 4566)")
        int port;

        @Option(names = "--edition", defaultValue = "community-4.14", description = "community-4.14 (default) or pro")
        String edition;

        @Option(names = "--data", description = "folder behind /var/lib/localstack (default: a temporary folder)")
        Path data;

        @Option(names = "--env", description = "LocalStack environment, e.g. --env PERSISTENCE=1")
        Map<String, String> env = Map.of();

        @Override
        public Integer call() throws Exception {
            Engines.requireEdition(edition);
            Path volume = data != null ? Files.createDirectories(data) : Files.createTempDirectory("lab-localstack");
            Path scratch = Files.createTempDirectory("lab-localstack-tmp");
            var config = new LocalStackConfig(edition, "127.0.0.1", port, env, volume, scratch, Map.of());
            var emulator = new LocalStackEmulator(config, (script, path, log) -> 0, System.out::println);
            emulator.start();
            var done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    emulator.stop();
                } finally {
                    // SIGTERM and Ctrl-C end here: the container's writable layer (and a temporary volume) go with it.
                    removeQuietly(scratch);
                    if (data == null) removeQuietly(volume);
                    done.countDown();
                }
            }));
            System.out.println("LocalStack emulator (" + edition + ") on " + emulator.endpoint() + " — data in " + volume
                    + (data == null ? " (removed when it stops)" : "") + "; Ctrl-C to stop");
            done.await();
            return 0;
        }

        private static void removeQuietly(Path dir) {
            try {
                FileTrees.delete(dir);
            } catch (java.io.IOException e) {
                System.err.println("lab: could not remove " + dir + ": " + e.getMessage());
            }
        }
    }
}
