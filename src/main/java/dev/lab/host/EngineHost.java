package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lab.engine.Engine;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns one {@link Engine} for every {@code lab} process and shell of a lab home, behind a Unix
 * socket in a folder only the user can open. Each connection is one client; the host stops on
 * {@code stop}, or {@code idle} after its last client left.
 */
public final class EngineHost implements AutoCloseable {
    private static final Duration START_GRACE = Duration.ofSeconds(10);
    private final Engine engine;
    private final HostIdentity identity;
    private final HostPaths paths;
    private final Duration idle;
    private Object socketKey;
    private final EngineCalls calls;
    private final Instant started = Instant.now();
    private final AtomicInteger clients = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long lastLeft = System.nanoTime();
    private volatile boolean servedAny;
    private ServerSocketChannel server;
    private volatile LoopbackDoor door;

    /**
     * @param identity what clients must ask for (the engine, the edition it was started with, the image overrides)
     * @param idle     how long the host waits after its last client left before it stops
     */
    public EngineHost(Engine engine, HostIdentity identity, HostPaths paths, Duration idle) {
        this.engine = engine;
        this.identity = identity;
        this.paths = paths;
        this.idle = idle;
        this.calls = new EngineCalls(engine);
    }

    /** Binds the socket (replacing a stale one: the caller holds the starters' lock) and serves on daemon threads. */
    public EngineHost start() throws IOException {
        paths.create();
        Shims.write(paths);
        Files.deleteIfExists(paths.socket());
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(paths.socket()));
        socketKey = Files.readAttributes(paths.socket(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        daemon("lab-host-accept", this::accept);
        openDoor();
        daemon("lab-host-idle", this::watchIdle);
        return this;
    }

    // The bash shims' fast way in; without it (no loopback) the shims use the Java client on the socket.
    private void openDoor() {
        try {
            door = LoopbackDoor.open(paths.door());
        } catch (IOException e) {
            log("no loopback door for the shims (" + e.getMessage() + "): they start a JVM per command");
            return;
        }
        daemon("lab-host-door", () -> door.accept(body -> daemon("lab-host-door-client", body), (request, reply) -> {
            clients.incrementAndGet(); // only a request with the token counts as a client
            try {
                Exec.run(engine, identity.images(), request, reply);
            } finally {
                left(true);
            }
        }));
    }

    /** Blocks until the host was asked to stop or sat idle. */
    public void awaitStop() throws InterruptedException { stopped.await(); }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel channel = server.accept();
                clients.incrementAndGet();
                daemon("lab-host-client", () -> serve(channel));
            } catch (IOException e) {
                if (server.isOpen()) log("accept failed: " + e.getMessage());
                return;
            }
        }
    }

    private void serve(SocketChannel channel) {
        boolean spoke = false;
        try (channel) {
            DataInputStream in = Frames.in(channel);
            DataOutputStream out = Frames.out(channel);
            for (Frames.Frame f; (f = Frames.read(in)) != null; ) {
                spoke = true;
                if (f.type() == Frames.EXEC) {
                    Exec.run(engine, identity.images(), Exec.parse(f.payload()), Exec.frames(out));
                    continue;
                }
                reply(f, out);
            }
        } catch (IOException e) {
            // The client went away mid-frame (Ctrl-C of a shim): nothing to answer.
        } finally {
            left(spoke);
        }
    }

    // A probe that only checks the host answers (a starter, a shim) says nothing and does not reset the clock.
    private void left(boolean spoke) {
        if (spoke) {
            lastLeft = System.nanoTime();
            servedAny = true;
        }
        clients.decrementAndGet();
    }

    private void reply(Frames.Frame f, DataOutputStream out) throws IOException {
        try {
            JsonNode request = f.payload().length == 0 ? Wire.object() : Wire.parse(f.payload());
            Object result = switch (f.type()) {
                case Frames.HELLO -> identity.check(HostIdentity.from(request));
                case Frames.ENGINE -> calls.call(request);
                case Frames.STATUS -> status();
                case Frames.STOP -> "stopping";
                default -> throw new IllegalArgumentException("unknown frame type " + (char) f.type());
            };
            Frames.write(out, Frames.OK, Wire.bytes(Map.of("result", result == null ? Wire.JSON.nullNode() : Wire.JSON.valueToTree(result))));
            if (f.type() == Frames.STOP) stop();
        } catch (Exception e) {
            Frames.write(out, Frames.ERROR, Wire.bytes(Wire.error(e)));
        }
    }

    private Map<String, Object> status() {
        return Map.of("pid", ProcessHandle.current().pid(), "engine", identity.engine(), "edition", identity.edition(),
                "uptime", Duration.between(started, Instant.now()).toSeconds(), "clients", clients.get() - 1,
                "socket", paths.socket().toString());
    }

    private void watchIdle() {
        while (stopped.getCount() > 0) {
            try {
                Thread.sleep(Math.min(1000, Math.max(50, idle.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            if (stopped.getCount() == 0) return; // stopped while asleep: its owner removes the socket, nothing to say
            // A socket deleted (the lab home removed) or replaced (another host) leaves this host unreachable:
            // it must not keep its containers' ports for another idle period.
            if (!ownsSocket()) {
                log("the socket " + paths.socket() + " is gone or replaced: stopping");
                stop();
                return;
            }
            // Until a first client has been served, its starter gets a while to connect whatever the idle time.
            long wait = servedAny ? idle.toNanos() : Math.max(idle.toNanos(), START_GRACE.toNanos());
            if (clients.get() == 0 && System.nanoTime() - lastLeft > wait) {
                log("no client for " + idle.toSeconds() + " s: stopping");
                stop();
            }
        }
    }

    private boolean ownsSocket() {
        try {
            return java.util.Objects.equals(socketKey,
                    Files.readAttributes(paths.socket(), java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops serving; {@link #awaitStop()} returns. The engine is closed by {@link #close()}. */
    public void stop() {
        if (door != null) door.close();
        try {
            if (server != null) server.close();
        } catch (IOException e) {
            log("cannot close " + paths.socket() + ": " + e.getMessage());
        }
        stopped.countDown();
    }

    /** Stops serving, closes the engine, and only then removes the socket file: while it exists, the engine may still hold ports. */
    @Override
    public void close() {
        stop();
        try {
            engine.close();
        } finally {
            removeSocket();
        }
    }

    /** Removes the socket file (after {@link #stop()}, for a host whose engine belongs to someone else). */
    public void removeSocket() {
        if (!ownsSocket()) return; // another host's by now: never remove that one
        try {
            Files.deleteIfExists(paths.socket());
        } catch (IOException e) {
            log("cannot remove " + paths.socket() + ": " + e.getMessage());
        }
    }

    private static void log(String line) { System.err.println(Instant.now() + " " + line); }

    private static void daemon(String name, Runnable body) {
        var t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
