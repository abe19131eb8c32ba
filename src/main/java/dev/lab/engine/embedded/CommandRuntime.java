package dev.lab.engine.embedded;

import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A container whose {@code entrypoint}/{@code command} replaces its image's program: on the embedded engine an
 * {@code aws}/{@code awslocal} call or a shell script run once against the emulator, exiting with the command's code.
 */
final class CommandRuntime implements Runtime {
    private final Container c;
    private final HookScripts hooks;
    private final Supplier<String> endpoint;
    private final IntConsumer exited;
    private Thread thread;
    private volatile int stoppedWith;

    /** @param exited told the exit code when the command ends on its own */
    CommandRuntime(Container c, HookScripts hooks, Supplier<String> endpoint, IntConsumer exited) {
        this.c = c;
        this.hooks = hooks;
        this.endpoint = endpoint;
        this.exited = exited;
    }

    /** The argv the container runs, or a one-line refusal naming the service and {@code --engine docker}. */
    static List<String> argv(Service s, List<dev.lab.engine.MountInfo> mounts) throws EngineException {
        return ServiceCommands.argv(s, path -> inMount(path, mounts));
    }

    private static boolean inMount(String path, List<dev.lab.engine.MountInfo> mounts) {
        for (var m : mounts) {
            if (path.startsWith(m.destination() + "/") && m.source() != null) {
                return Files.isRegularFile(Path.of(m.source()).resolve(path.substring(m.destination().length() + 1)));
            }
        }
        return false;
    }

    @Override
    public void start() throws EngineException {
        List<String> argv = argv(c.spec, c.mounts);
        String url = endpoint.get();
        thread = new Thread(() -> {
            int code;
            try {
                code = hooks.run(ExecCall.oneShot(c, argv, c.spec.run().workingDir(), url), c.log::add);
            } catch (dev.lab.hooks.ContainerStop.Stopped e) {
                stoppedWith = e.code;
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // What Docker's runtime says when the program cannot be exec'd.
                c.log.add("exec " + argv.get(0) + ": " + e.getMessage());
                code = 127;
            }
            if (Thread.currentThread().isInterrupted()) stoppedWith = code;
            else exited.accept(code);
        }, "container-" + c.name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public int stop() {
        Thread t = thread;
        thread = null;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stoppedWith;
    }

    @Override
    public int hostPort(int containerPort) { return -1; }
}
