package dev.lab.cli;

import dev.lab.host.HostIdentity;
import dev.lab.host.HostLauncher;
import dev.lab.host.RemoteEngine;
import dev.lab.host.Toolbox;
import dev.lab.engine.EngineException;
import dev.lab.lab.Lab;
import dev.lab.lab.LabCatalog;
import dev.lab.lab.LabLoader;
import dev.lab.progress.LabHome;
import dev.lab.progress.LabLock;
import dev.lab.session.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every lab-running command shares, and how they turn into a lab and an engine. */
final class LabOptions {
    @Option(names = "--engine", defaultValue = "embedded", description = "embedded (default) or docker")
    String engine;

    @Option(names = "--edition", defaultValue = "community-4.14", description = "LocalStack edition profile: community-4.14 (default) or pro")
    String edition;

    @Option(names = "--lang", description = "ko or en (default: from the locale, Korean when unsure)")
    String lang;

    @Option(names = "--image", paramLabel = "NAME=IMAGE",
            description = "use IMAGE for service NAME in every variant; NAME localstack means every LocalStack service")
    java.util.List<String> images = new java.util.ArrayList<>();

    @Option(names = "--workspace", description = "folder for the lab's files (default: $XDG_DATA_HOME/lab/workspaces/<lab>)")
    Path workspace;

    static Path labsRoot() {
        String root = System.getProperty("lab.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        return base.resolve("labs");
    }

    /**
     * The {@code labs/} folder to find lab {@code id} in: {@code ./labs} of the current folder when it holds that
     * lab (an author's labs), else the one beside lab ({@link #labsRoot()}, e.g. in the unpacked archive).
     */
    static Path labsRootFor(String id) {
        Path local = Path.of("labs").toAbsolutePath();
        return Files.isRegularFile(local.resolve(id).resolve("lab.ko.md")) ? local : labsRoot();
    }

    Lab load(String id) { return load(folder(id)); }

    /** The folder of lab {@code id} (a lab folder, or a lab of the catalog); an unknown lab ends here, before any parsing. */
    Path folder(String id) {
        return LabLoader.isLabFolder(Path.of(id)) ? Path.of(id) : new LabCatalog(labsRootFor(id)).dir(id);
    }

    /**
     * Parses the lab in {@code dir} in the chosen language, saying so when it falls back to the other one; on the
     * embedded engine a variant's {@code entrypoint}/{@code command} it cannot run ends here, at its line.
     */
    Lab load(Path dir) {
        Lab lab = LabLoader.loadFolder(dir, language());
        if ("embedded".equals(engine)) Preflight.embeddedCommands(lab);
        if (LabLoader.fallback(lab, language()) != null) {
            System.err.println(dev.lab.term.Texts.of(language()).get("lab.fallback", lab.id(), "lab." + language() + ".md", lab.file().getFileName()));
        }
        return lab;
    }

    String language() {
        if (lang != null) {
            if (!lang.equals("ko") && !lang.equals("en")) throw new IllegalArgumentException("--lang must be ko or en, not " + lang);
            return lang;
        }
        String env = System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", ""));
        return env.startsWith("en") ? "en" : "ko";
    }

    java.util.Map<String, String> imageOverrides() { return dev.lab.compose.ImageOverrides.parse(images); }

    LabHome home() { return LabHome.fromEnvironment(System.getenv()); }

    /** Takes the {@link LabLock} of the lab in the lab home for {@code command}; a second process on that lab ends with exit 2. */
    LabLock lock(Lab lab, String command) { return LabLock.acquire(home(), lab.id(), command); }

    Path workspaceFor(Lab lab) { return workspace != null ? workspace : home().workspace(lab.id()); }

    /**
     * A session of the lab in its workspace, recording what it writes there in the lab home's state: on the
     * host's engine, or, for an engine in this process (tests), with a private host its blocks reach.
     */
    dev.lab.session.Session session(Lab lab, dev.lab.engine.Engine engine) {
        Path ws = workspaceFor(lab);
        Path written = home().writtenFile(lab.id(), ws);
        // The blocks' docker and aws must reach this very engine: the host's when it is the host's, else a private host's.
        if (!(engine instanceof RemoteEngine)) return new dev.lab.session.Session(lab, engine, ws, imageOverrides(), written);
        return new dev.lab.session.Session(lab, engine, ws, imageOverrides(), written, this::toolbox);
    }

    /** The engine of the lab home's engine host, started when none runs; every lab process and shell shares it. */
    RemoteEngine openEngine() throws EngineException { return openEngine(System.err::println); }

    private RemoteEngine openEngine(java.util.function.Consumer<String> progress) throws EngineException {
        var identity = identity();
        if (identity.engine().equals("docker") && !HostLauncher.running(home())) dev.lab.engine.docker.DockerClients.ping();
        return HostLauncher.open(home(), identity, progress);
    }

    /**
     * {@link #openEngine()} on another thread, begun now: a cold engine host starts while this process parses its lab
     * (two cores; the host's start is the longer half of a first start). {@link #engine} takes the result.
     */
    EngineSoon openEngineSoon() {
        identity(); // bad --engine/--edition: one line now, not from the other thread
        var soon = new EngineSoon();
        var t = new Thread(() -> {
            try {
                soon.complete(openEngine(soon::say));
            } catch (Throwable e) {
                soon.completeExceptionally(e);
            }
        }, "lab-engine-open");
        t.setDaemon(true);
        t.start();
        return soon;
    }

    /**
     * An engine being opened. What the start says ("starting the engine host …") waits until someone waits for the
     * engine: a lab that ends before (a bad progress file) ends with its one line only.
     */
    static final class EngineSoon extends java.util.concurrent.CompletableFuture<RemoteEngine> {
        private final java.util.List<String> held = new java.util.ArrayList<>();
        private boolean waited;

        synchronized void say(String line) {
            if (waited) System.err.println(line);
            else held.add(line);
        }

        private synchronized void waiting() {
            waited = true;
            held.forEach(System.err::println);
            held.clear();
        }
    }

    /** What {@link #openEngineSoon()} opened, or the exception it ended with, as {@link #openEngine()} would throw it. */
    static RemoteEngine engine(EngineSoon soon) throws Exception {
        soon.waiting();
        try {
            return soon.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Exception cause) throw cause;
            throw e;
        }
    }

    HostIdentity identity() {
        Engines.requireEdition(edition);
        if (!engine.equals("embedded") && !engine.equals("docker")) {
            throw new IllegalArgumentException("--engine must be embedded or docker, not " + engine);
        }
        return new HostIdentity(engine, edition, imageOverrides());
    }

    /** What a shell in {@code workspace} needs to reach the host's engine (see {@link Toolbox}). */
    Toolbox toolbox(Path workspace) {
        Toolbox toolbox = Toolbox.of(HostLauncher.paths(home()), System.getenv(), workspace);
        // A headless run uses the built-in aws (a JVM-free call, the same on every machine; AwsCliParityTest holds it
        // to the real CLI's output) unless the user chose: LAB_AWS_CLI=real runs theirs, ~0.5 s a command.
        return headless && System.getenv("LAB_AWS_CLI") == null ? toolbox.with("LAB_AWS_CLI", "builtin") : toolbox;
    }

    /** Whether the blocks run unattended ({@code lab run}, {@code lab test}): see {@link #toolbox}. */
    boolean headless;
}
