package dev.lab.repl;

import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.lab.LabLoader;
import dev.lab.progress.Progress;
import dev.lab.session.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/** A REPL in this JVM on a test terminal: type lines, raise Ctrl-C, read what it printed. */
final class ReplDriver implements AutoCloseable {
    /** Three steps; the first sleeps 30 s, so Ctrl-C always lands in it. */
    static final String SLOW_LAB = "---\nlab: slow\ntitle: Slow lab\n---\n"
            + "## 1. Wait {#wait}\n\n```bash {run}\nsleep 30\necho after-sleep\n```\n\n```check\noutput contains \"after-sleep\"\n```\n\n"
            + "## 2. Two {#two}\n\n```bash {run}\necho step-two\n```\n\n```check\noutput contains \"step-two\"\n```\n\n"
            + "## 3. Three {#three}\n\n```bash {run}\necho step-three\n```\n\n```check\noutput contains \"step-three\"\n```\n";

    final Path progressFile;
    final Path workspace;
    final Session session;
    final Terminal terminal;
    private final PipedOutputStream input = new PipedOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final Future<Integer> done;

    ReplDriver(Path tmp, String labText, String lang, Map<String, String> env) throws IOException {
        this(tmp, labText, lang, env, ReplDriver::dumb);
    }

    static Terminal dumb(InputStream in, OutputStream out) {
        try {
            return new DumbTerminal(in, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ReplDriver(Path tmp, String labText, String lang, Map<String, String> env,
               BiFunction<InputStream, OutputStream, Terminal> terminals) throws IOException {
        this(tmp, labText, lang, env, terminals, Map.of());
    }

    /** @param shellEnv extra environment for the REPL's bash lines */
    ReplDriver(Path tmp, String labText, String lang, Map<String, String> env,
               BiFunction<InputStream, OutputStream, Terminal> terminals, Map<String, String> shellEnv) throws IOException {
        Path labDir = Files.createDirectories(tmp.resolve("labs/slow"));
        Files.writeString(labDir.resolve("lab.ko.md"), labText);
        var lab = LabLoader.loadFolder(labDir, "ko");
        terminal = terminals.apply(new PipedInputStream(input), out);
        var engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
        workspace = tmp.resolve("ws/slow");
        session = new Session(lab, engine, workspace);
        progressFile = tmp.resolve("progress.properties");
        var repl = new Repl(session, Progress.load(progressFile, lab.steps().stream().map(dev.lab.lab.Step::id).toList()), tmp.resolve("history"), terminal, lang, env, shellEnv);
        done = pool.submit(repl::run);
    }

    void type(String lines) throws IOException {
        input.write(lines.getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    String text() { return out.toString(StandardCharsets.UTF_8); }

    /** Waits until the output holds {@code needle} {@code times} times. */
    void waitFor(String needle, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (text().split(java.util.regex.Pattern.quote(needle), -1).length - 1 < times) {
            if (System.nanoTime() > deadline) throw new AssertionError("no " + times + "× '" + needle + "' in: " + text());
            Thread.sleep(20);
        }
    }

    void waitFor(String needle) throws InterruptedException { waitFor(needle, 1); }

    /**
     * Waits until a process of this JVM runs {@code commandLine}: the REPL prints a block's command before bash has
     * started it, and a Ctrl-C before bash reached the command finds nothing running yet.
     */
    void waitForProcess(String commandLine) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ProcessHandle.current().descendants().noneMatch(p -> p.info().commandLine().map(c -> c.endsWith(commandLine)).orElse(false))) {
            if (System.nanoTime() > deadline) throw new AssertionError("no process runs " + commandLine);
            Thread.sleep(20);
        }
    }

    /** Types {@code quit} and returns the REPL's exit code. */
    int quit() throws Exception {
        type("quit\n");
        return done.get(20, TimeUnit.SECONDS);
    }

    String progress() throws IOException { return Files.readString(progressFile); }

    @Override
    public void close() {
        pool.shutdownNow();
        session.close();
    }
}
