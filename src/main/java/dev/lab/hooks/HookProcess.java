package dev.lab.hooks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One hook program run to its end: stdin from {@code /dev/null}, stdout and stderr as one stream of
 * lines into the container log (LocalStack's hooks inherit the container's output), exit code back.
 */
final class HookProcess {
    private HookProcess() {}

    static int run(List<String> command, Map<String, String> env, Path cwd, Consumer<String> log)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process p = builder.start();
        // Output is read beside the wait, so an interrupt (docker stop, Ctrl-C) is seen while the program runs.
        var output = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) log.accept(line);
            } catch (IOException e) {
                // the program's output ended with it
            }
        }, "hook-output");
        output.setDaemon(true);
        output.start();
        try {
            int code = p.waitFor();
            output.join();
            return code;
        } catch (InterruptedException e) {
            int code = ContainerStop.stop(p);
            output.join(1_000);
            throw new ContainerStop.Stopped(code);
        }
    }
}
