package dev.lab.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An in-process stand-in for a LocalStack container serving S3 and the
 * {@code /_localstack} endpoints. Each {@link #start()} is a fresh container
 * run on the same volume and writable layer; {@link #stop()} ends it.
 */
public final class LocalStackEmulator implements AutoCloseable {
    private static final String DATA_DIR_WARNING = "DATA_DIR is deprecated (since 1.0.0) and"
            + " will be removed in upcoming releases of LocalStack! Please use PERSISTENCE"
            + " instead. The state will be stored in your LocalStack volume in the state/"
            + " directory.";

    private final LocalStackConfig config;
    private final HookRunner hookRunner;
    private final ContainerLog log;
    private final Volume volume;
    private final PersistencePolicy policy;
    private final S3Storage storage;
    private final Path live;
    private final S3ProxyLoader s3proxy;
    private InitHooks hooks;
    private Thread readyHooks;
    private ServiceHealth health;
    private volatile HttpFront server;
    private volatile int port;

    public LocalStackEmulator(LocalStackConfig config, HookRunner hooks, Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.hookRunner = Objects.requireNonNull(hooks, "hooks");
        this.log = new ContainerLog(log);
        this.volume = new Volume(config.volumeDir());
        this.policy = PersistencePolicy.from(config);
        this.live = s3Live(config.scratchDir());
        this.storage = new S3Storage(live, volume.s3Snapshot(), policy, this.log);
        this.s3proxy = S3ProxyLoader.of(live);
        this.port = config.port();
    }

    /**
     * Boots the container: binds the port, runs BOOT and START hooks, restores
     * state as configured, runs READY hooks while already serving (they usually
     * call back into S3), then logs {@code Ready.}.
     *
     * @throws PortInUseException when the port is taken; nothing is left running
     * @throws IllegalStateException when already running
     */
    public synchronized void start() throws PortInUseException, IOException {
        boot(null);
    }

    /**
     * Serves again the state a stopped run left in its writable layer and volume, as a checkpoint
     * restore would (a demo going back a step): the live S3 folder is kept as it is, nothing is
     * loaded, no hook runs again and the hooks report the outcomes {@link #hookStates()} recorded.
     */
    public synchronized void resume(Map<String, String> hookStates) throws PortInUseException, IOException {
        boot(Map.copyOf(hookStates));
    }

    /** What the init hooks of this run did (see {@link #resume}); empty when not running. */
    public synchronized Map<String, String> hookStates() {
        return hooks == null ? Map.of() : hooks.states();
    }

    private void boot(Map<String, String> resumed) throws PortInUseException, IOException {
        if (server != null) {
            throw new IllegalStateException("LocalStack is already running on port " + port);
        }
        requireDirectory(config.volumeDir());
        requireDirectory(config.scratchDir());
        if (resumed == null) storage.wipeLive();
        ServiceHealth health = new ServiceHealth(config);
        this.health = health;
        InitHooks runHooks = new InitHooks(config, hookRunner, log);
        HttpFront started = HttpFront.open(config.bindHost(), config.port(),
                new AdminServlet(config, health, runHooks, storage, policy),
                new S3Gateway(s3proxy.servlet(), health, new S3Changes(live, storage),
                        new DeferredFrees(live), log));
        port = started.localPort();
        if (resumed != null) {
            runHooks.restore(resumed);
            log.attach(volume.infraLog());
            s3proxy.await();
            hooks = runHooks;
            server = started;
            return;
        }
        try {
            volume.prepare();
            log.attach(volume.infraLog());
            volume.recordStartup(config);
            // The entrypoint runs BOOT before it starts the runtime that prints the version.
            runHooks.run(Stage.BOOT);
            log.line("");
            log.line("LocalStack version: " + LocalStackConfig.VERSION);
            if (config.env().containsKey("DATA_DIR")) {
                log.warn("localstack.deprecations", DATA_DIR_WARNING);
            }
            runHooks.run(Stage.START);
            s3proxy.await();
            storage.beginRun();
        } catch (IOException | RuntimeException e) {
            started.close();
            log.close();
            throw e;
        }
        hooks = runHooks;
        server = started;
        if (!runHooks.has(Stage.READY)) {
            runHooks.run(Stage.READY);
            log.line("Ready.");
            return;
        }
        // LocalStack serves (and its health endpoint answers) while READY hooks still run; it prints its ready
        // marker once they are done. Callers that need the hooks wait on /_localstack/init/ready.
        Thread ready = new Thread(() -> {
            runHooks.run(Stage.READY);
            if (!Thread.currentThread().isInterrupted()) log.line("Ready.");
        }, "localstack-ready-hooks");
        ready.setDaemon(true);
        readyHooks = ready;
        ready.start();
    }

    /**
     * Shuts the container down: SHUTDOWN hooks (still serving), a final save
     * if the persistence policy asks for one, then the port is released.
     * Does nothing when not running.
     */
    public synchronized void stop() {
        HttpFront running = server;
        if (running == null) {
            return;
        }
        try {
            Thread ready = readyHooks;
            readyHooks = null;
            if (ready != null) {
                ready.interrupt();
                try {
                    ready.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            health.shuttingDown();
            hooks.run(Stage.SHUTDOWN);
            storage.endRun();
        } finally {
            server = null;
            running.close();
            log.close();
        }
    }

    private static Path s3Live(Path scratchDir) {
        return scratchDir.resolve("tmp").resolve("localstack-s3-storage");
    }

    /**
     * The container whose writable layer is {@code scratchDir} is being removed: its S3 store, when
     * saved, is kept at {@code spare} for the next container on the same volume to adopt (see
     * {@link dev.lab.fs.LinkedSnapshot#retire}). Returns whether it was kept.
     */
    public static boolean retireS3(Path scratchDir, Path spare) throws IOException {
        return dev.lab.fs.LinkedSnapshot.retire(s3Live(scratchDir), spare);
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops the HTTP servers stopped emulators left parked for the next start (see {@link HttpFront}), so
     * no HTTP thread is left; for an engine that closes.
     */
    public static void releaseParked() {
        HttpFront.releaseParked();
    }

    /**
     * Waits until the READY hooks have run (what {@code /_localstack/init/ready} reports as {@code completed}).
     *
     * @return whether they finished within the timeout
     */
    public boolean awaitReady(java.time.Duration timeout) throws InterruptedException {
        Thread ready = readyHooks;
        if (ready != null) ready.join(timeout.toMillis());
        return ready == null || !ready.isAlive();
    }

    /** The server of the current run (tests: restarts take over the parked one). */
    HttpFront front() {
        return server;
    }

    public boolean running() {
        return server != null;
    }

    /** The bound port while running (or after), else the configured one. */
    public int port() {
        return port;
    }

    /** The URL clients on this host use, e.g. {@code http://127.0.0.1:4566}. */
    public String endpoint() {
        String host = config.bindHost();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port;
    }

    private static void requireDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not an existing directory");
        }
    }
}
