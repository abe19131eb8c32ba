package dev.lab.shell;

import dev.lab.engine.ExecPlan;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a lab command's output lines go, and who runs a program that needs the caller's terminal.
 *
 * @param handoff runs a {@code docker exec}'s host process where the caller's terminal is
 */
public record Io(Consumer<String> out, Consumer<String> err, Handoff handoff) {

    /** Output lines only: a {@code docker exec} runs here, its output into these lines, its stdin empty. */
    public Io(Consumer<String> out, Consumer<String> err) {
        this(out, err, null);
    }

    public Io {
        if (handoff == null) handoff = new Lines(out, err);
    }

    /** The owner of the caller's terminal. */
    public interface Handoff {
        /** Whether the caller's standard input is a terminal. */
        boolean terminal();

        /** Runs the plan to its end; returns its exit code (or, where the caller runs it later, whatever that caller expects). */
        int run(ExecPlan plan);
    }

    private record Lines(Consumer<String> out, Consumer<String> err) implements Handoff {
        @Override public boolean terminal() { return false; }

        @Override public int run(ExecPlan plan) {
            var builder = new ProcessBuilder(plan.argv()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (!plan.inheritEnv()) builder.environment().clear();
            builder.environment().putAll(plan.env());
            try {
                Process p = builder.start();
                var errors = new Thread(() -> copy(p.getErrorStream(), err));
                errors.start();
                copy(p.getInputStream(), out);
                errors.join();
                return p.waitFor();
            } catch (IOException e) {
                err.accept("docker exec: " + e.getMessage());
                return 126;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }

        private static void copy(java.io.InputStream in, Consumer<String> to) {
            try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) to.accept(line);
            } catch (IOException e) {
                // the program closed its end
            }
        }
    }

    /** Output collected into lists, for tests. */
    public static final class Capture {
        public final List<String> out = new ArrayList<>();
        public final List<String> err = new ArrayList<>();

        public Io io() { return new Io(out::add, err::add); }
    }
}
