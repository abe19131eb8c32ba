package dev.lab.hooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code docker stop} of a program run for a container: its main process is the container's PID 1, which the kernel
 * does not let a signal kill by its default action. So SIGTERM reaches a main process that handles it (a shell's
 * {@code trap}), which gets the grace period to end; one that does not is killed (SIGKILL, exit 137) as Docker does
 * when the grace period is over, without waiting it out. Then, as the container's PID namespace ends, whatever the
 * main process left running goes too.
 */
public final class ContainerStop {
    /** Docker's default stop timeout ({@code docker stop -t}, compose {@code stop_grace_period}). */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final int SIGTERM = 15;

    private ContainerStop() {}

    /** A program's run stopped by an interrupt, with the exit code its main process ended with. */
    public static final class Stopped extends InterruptedException {
        /** The main process's exit code: its own after a SIGTERM it handled, else 137 (SIGKILL). */
        public final int code;

        Stopped(int code) {
            super("stopped with exit code " + code);
            this.code = code;
        }
    }

    /** Stops {@code p} as Docker stops a container whose main process it runs; returns the exit code. */
    static int stop(Process p) {
        ProcessHandle main = main(p.toHandle());
        List<ProcessHandle> rest = p.descendants().toList();
        try {
            if (handles(main, SIGTERM)) {
                main.destroy();
                if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) main.destroyForcibly();
            } else {
                main.destroyForcibly();
            }
            // A sandbox (bwrap) around the main process ends with it and reports its code.
            if (!p.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) p.destroyForcibly();
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return 137;
        } finally {
            rest.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The container's main process: {@code p} itself, or the program inside the bwrap processes that sandbox it. */
    private static ProcessHandle main(ProcessHandle p) {
        ProcessHandle at = p;
        while (at.info().command().map(c -> c.endsWith("/bwrap")).orElse(false)) {
            var child = at.children().findFirst();
            if (child.isEmpty()) return at;
            at = child.get();
        }
        return at;
    }

    /** Whether the process catches {@code signal} (bit signal-1 of /proc's SigCgt mask). */
    private static boolean handles(ProcessHandle p, int signal) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                if (line.startsWith("SigCgt:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >> (signal - 1) & 1) == 1;
            }
        } catch (IOException | NumberFormatException e) {
            // gone already, or no /proc: nothing to signal gracefully
        }
        return false;
    }
}
