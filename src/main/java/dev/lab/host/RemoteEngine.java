package dev.lab.host;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lab.engine.ContainerInfo;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import dev.lab.engine.VolumeInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The engine of a lab home's {@link EngineHost}, seen from another process: every call goes over
 * the socket and failures come back as the same exception types ({@link EngineException} for
 * engine failures). Closing it leaves the host and its engine running for other clients.
 */
public final class RemoteEngine implements Engine {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final HostIdentity identity;

    private RemoteEngine(SocketChannel channel, HostIdentity identity) {
        this.channel = channel;
        this.in = Frames.in(channel);
        this.out = Frames.out(channel);
        this.identity = identity;
    }

    /**
     * Connects to the host on {@code socket} and says hello.
     *
     * @throws IllegalStateException when the host serves another engine, edition or images (one line naming both)
     */
    public static RemoteEngine connect(Path socket, HostIdentity identity) throws IOException {
        var engine = new RemoteEngine(SocketChannel.open(UnixDomainSocketAddress.of(socket)), identity);
        try {
            engine.request(Frames.HELLO, identity.json());
        } catch (RuntimeException | IOException e) {
            engine.close();
            throw e;
        } catch (Exception e) {
            engine.close();
            throw new IllegalStateException(e.getMessage(), e);
        }
        warmUp();
        return engine;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    // The first reply read as a container or volume record introspects its class (~30-40 ms): done on the side, while
    // the first step's commands run, not when its first check waits for it.
    private static void warmUp() {
        if (!WARMING.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            Wire.JSON.readerFor(ContainerInfo.class);
            Wire.JSON.readerFor(VolumeInfo.class);
        }, "wire-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** One request and its reply; an error reply is thrown as the exception it stands for. */
    synchronized JsonNode request(byte type, ObjectNode body) throws Exception {
        Frames.write(out, type, Wire.bytes(body));
        Frames.Frame reply = Frames.read(in);
        if (reply == null) throw new EngineException("the engine host closed the connection (see its log)");
        JsonNode json = Wire.parse(reply.payload());
        if (reply.type() == Frames.ERROR) throw Wire.rebuild(json);
        return json.path("result");
    }

    private JsonNode call(String method, Project project, ObjectNode args) throws EngineException {
        dev.lab.trace.Trace.mark("engine call " + method);
        ObjectNode body = args.put("method", method);
        if (project != null) body.set("project", EngineCalls.ref(project, identity.images()));
        try {
            return request(Frames.ENGINE, body);
        } catch (EngineException | RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new EngineException("lost the engine host: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // For the interface's calls that declare no EngineException.
    private JsonNode query(String method, Project project, ObjectNode args) {
        try {
            return call(method, project, args);
        } catch (EngineException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ObjectNode services(List<String> services) {
        var node = Wire.object();
        services.forEach(node.putArray("services")::add);
        return node;
    }

    @Override public String name() { return identity.engine(); }
    @Override public void up(Project p, List<String> services) throws EngineException { call("up", p, services(services)); }
    @Override public void down(Project p, boolean removeVolumes) throws EngineException {
        call("down", p, Wire.object().put("removeVolumes", removeVolumes));
    }
    @Override public void removeOrphans(Project p) throws EngineException { call("removeOrphans", p, Wire.object()); }
    @Override public void purge(String project) throws EngineException { call("purge", null, Wire.object().put("name", project)); }
    @Override public void stop(Project p, List<String> services) throws EngineException { call("stop", p, services(services)); }
    @Override public void start(Project p, List<String> services) throws EngineException { call("start", p, services(services)); }
    @Override public void restart(Project p, List<String> services) throws EngineException { call("restart", p, services(services)); }

    @Override public List<ContainerInfo> containers(Project p) {
        return Wire.JSON.convertValue(query("containers", p, Wire.object()), new TypeReference<List<ContainerInfo>>() {});
    }

    @Override public Optional<ContainerInfo> container(Project p, String nameOrId) {
        JsonNode r = query("container", p, Wire.object().put("id", nameOrId));
        return r.isNull() || r.isMissingNode() ? Optional.empty() : Optional.of(Wire.JSON.convertValue(r, ContainerInfo.class));
    }

    @Override public List<VolumeInfo> volumes(Project p) {
        return Wire.JSON.convertValue(query("volumes", p, Wire.object()), new TypeReference<List<VolumeInfo>>() {});
    }

    @Override public List<String> logs(Project p, String nameOrId) throws EngineException {
        return EngineCalls.strings(call("logs", p, Wire.object().put("id", nameOrId)));
    }

    @Override public boolean snapshots() { return query("snapshots", null, Wire.object()).asBoolean(); }

    @Override public void saveState(String project, Path dir) throws EngineException {
        call("saveState", null, Wire.object().put("name", project).put("dir", dir.toAbsolutePath().toString()));
    }

    @Override public void restoreState(String project, Path dir) throws EngineException {
        call("restoreState", null, Wire.object().put("name", project).put("dir", dir.toAbsolutePath().toString()));
    }

    @Override public String edition() { return query("edition", null, Wire.object()).asText(); }

    @Override public Optional<String> reported() {
        JsonNode r = query("reported", null, Wire.object());
        return r.isNull() || r.isMissingNode() ? Optional.empty() : Optional.of(r.asText());
    }

    /** Leaves the host: it keeps the engine for its other clients, and stops a while after the last one left. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to release on our side beyond the channel.
        }
    }
}
