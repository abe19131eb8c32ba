package dev.lab.term;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * A spinner with a label, shown while a slow task runs.
 *
 * <pre>{@code
 * try (var s = Spinner.start(terminal, "LocalStack 기동 대기")) {
 *     waitForLocalStack();
 * }
 * }</pre>
 *
 * <p>On a real terminal a daemon thread redraws the line with {@code \r} about every 100 ms,
 * adding the elapsed seconds after one second, and {@link #close()} erases it. On a dumb
 * terminal or pipe, where {@code \r} cannot overwrite, the label is printed once followed by
 * {@code …} and the line is ended on close, with the elapsed time if it took a second or more.
 */
public final class Spinner implements AutoCloseable {
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final long FRAME_MILLIS = 100;

    private final PrintWriter out;
    private final boolean animated;
    private final int maxCols;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final Object lock = new Object();
    private String label;
    private boolean closed;
    private int frame;
    private int drawnCols;

    private Spinner(PrintWriter out, String label, boolean animated, int maxCols, LongSupplier nanoClock) {
        this.out = out;
        this.label = label;
        this.animated = animated;
        this.maxCols = maxCols;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** Starts a spinner on {@code terminal}, animated unless the terminal is dumb. */
    public static Spinner start(Terminal terminal, String label) {
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : MarkdownRenderer.DEFAULT_WIDTH;
        return start(terminal.writer(), label, !isDumb(terminal), width, System::nanoTime);
    }

    /** Starts a non-animated spinner on a plain writer, such as a log or a pipe. */
    public static Spinner start(PrintWriter out, String label) {
        return start(out, label, false, MarkdownRenderer.DEFAULT_WIDTH, System::nanoTime);
    }

    static Spinner start(PrintWriter out, String label, boolean animated, int maxCols, LongSupplier nanoClock) {
        Spinner spinner = new Spinner(out, label, animated, maxCols, nanoClock);
        if (animated) {
            // The first frame is drawn at once, so even a quick task shows what it was doing.
            synchronized (spinner.lock) {
                spinner.draw();
            }
            Thread thread = new Thread(spinner::spin, "lab-spinner");
            thread.setDaemon(true);
            thread.start();
        } else {
            spinner.print(label + "…");
        }
        return spinner;
    }

    /**
     * Whether {@code terminal} cannot redraw a line in place: a dumb type, JLine's fallback
     * for streams that are not a TTY, or a terminal that reports no width (a pipe).
     */
    public static boolean isDumb(Terminal terminal) {
        String type = terminal.getType();
        return terminal instanceof DumbTerminal || terminal.getWidth() <= 0 || type == null
                || type.equals(Terminal.TYPE_DUMB) || type.equals(Terminal.TYPE_DUMB_COLOR);
    }

    /** Replaces the label; a dumb spinner ends its line and prints the new label on the next. */
    public void update(String newLabel) {
        synchronized (lock) {
            if (closed || newLabel.equals(label)) {
                return;
            }
            label = newLabel;
            if (animated) {
                draw();
            } else {
                print(System.lineSeparator() + newLabel + "…");
            }
        }
    }

    /** Stops the spinner and erases (or ends) its line; later calls do nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
            print(animated ? "\r" + " ".repeat(drawnCols) + "\r" : elapsed() + System.lineSeparator());
        }
    }

    private void spin() {
        synchronized (lock) {
            while (!closed) {
                try {
                    lock.wait(FRAME_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!closed) {
                    draw();
                }
            }
        }
    }

    private void draw() {
        String suffix = elapsed();
        String head = FRAMES[frame++ % FRAMES.length] + " ";
        // A line that wraps could no longer be overwritten with \r, so keep it narrower than the screen.
        int room = Math.max(1, maxCols - 1 - Width.columns(head + suffix));
        String line = head + Width.truncate(label, room) + suffix;
        int cols = Width.columns(line);
        print("\r" + line + " ".repeat(Math.max(0, drawnCols - cols)));
        drawnCols = Math.max(cols, drawnCols);
    }

    /** The elapsed time as {@code " (3s)"}, or nothing during the first second. */
    private String elapsed() {
        long seconds = (nanoClock.getAsLong() - startNanos) / 1_000_000_000L;
        return seconds >= 1 ? " (" + seconds + "s)" : "";
    }

    private void print(String text) {
        out.print(text);
        out.flush();
    }
}
