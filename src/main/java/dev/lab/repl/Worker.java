package dev.lab.repl;

import dev.lab.session.Listener;
import dev.lab.shell.StopSwitch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.jline.terminal.Terminal;

/**
 * Runs step work on its own thread while Ctrl-C (or SIGINT with piped input) asks it to stop through
 * the session's {@link StopSwitch}. {@link #run} returns only once the work has really ended, so
 * nothing of it runs or prints behind the next prompt, and the spinner is gone.
 */
final class Worker {
    /** Step work that hears its progress through a listener. */
    interface Work<T> {
        T run(Listener listener) throws Exception;
    }

    private final Terminal terminal;
    private final StopSwitch stop;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "lab-step");
        t.setDaemon(true);
        return t;
    });

    Worker(Terminal terminal, StopSwitch stop) {
        this.terminal = terminal;
        this.stop = stop;
    }

    /** Runs {@code work} to its end; a stop surfaces as the work's own exception ({@code Stopped}). */
    <T> T run(Screen.Live listener, Work<T> work) throws Exception {
        stop.reset();
        // The handler is in place before the work starts, so a Ctrl-C can never fall between the two.
        var previous = terminal.handle(Terminal.Signal.INT, s -> stop.request());
        var task = new FutureTask<T>(() -> {
            stop.attach();
            try {
                return work.run(listener);
            } finally {
                stop.detach();
            }
        });
        try (listener) {
            thread.execute(task);
            return await(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private <T> T await(FutureTask<T> task) throws ExecutionException {
        while (true) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                stop.request();
            }
        }
    }
}
