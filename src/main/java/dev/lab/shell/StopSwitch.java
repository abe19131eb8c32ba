package dev.lab.shell;

/**
 * Stops step work from another thread (Ctrl-C, SIGINT).
 *
 * <p>The thread doing the work {@link #attach}es itself; {@link #request()} marks the stop and
 * interrupts that thread, which cuts short what waits (a bash block, an HTTP call). The mark stays
 * until {@link #reset()}, so libraries that swallow interrupts cannot lose it.
 */
public final class StopSwitch {
    private Thread worker;
    private boolean requested;

    /** Clears an earlier stop; call before the work (and its Ctrl-C handler) starts. */
    public synchronized void reset() {
        requested = false;
    }

    /** Asks the work to stop; safe from any thread, before the work starts too. */
    public synchronized void request() {
        requested = true;
        if (worker != null) worker.interrupt();
    }

    public synchronized boolean requested() { return requested; }

    /** The calling thread is the one doing the work until {@link #detach()}. */
    public synchronized void attach() {
        worker = Thread.currentThread();
        if (requested) worker.interrupt();
    }

    /** The work is over; a late request interrupts nothing, and the thread's interrupt mark is cleared. */
    public synchronized void detach() {
        if (worker == Thread.currentThread()) worker = null;
        Thread.interrupted();
    }

    /** A stop point: throws when a stop was asked for (or the thread was interrupted). */
    public void check() throws InterruptedException {
        if (requested() || Thread.currentThread().isInterrupted()) throw new InterruptedException("stopped");
    }
}
