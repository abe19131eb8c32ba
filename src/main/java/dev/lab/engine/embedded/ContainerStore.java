package dev.lab.engine.embedded;

import dev.lab.compose.ComposeParser;
import dev.lab.compose.Service;
import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.MountInfo;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Keeps the embedded engine's containers on disk, beside their writable layer, so they outlive the
 * runner the way Docker's outlive a terminal: after the runner restarts they are there, stopped, as
 * after a reboot, with their mounts, anonymous volumes and logs.
 */
final class ContainerStore {
    private static final String META = "container.properties";
    private static final String COMPOSE = "compose.yml";
    private static final String LOG = "container.log";

    private final Path root;

    ContainerStore(Path root) { this.root = root; }

    Path layer(String id) { return root.resolve(id); }

    /** Writes the container's record, the compose file it came from, and its log. */
    void save(Container c) {
        var p = new Properties();
        p.setProperty("id", c.id);
        p.setProperty("name", c.name);
        p.setProperty("project", c.project);
        p.setProperty("service", c.spec.name());
        p.setProperty("composeSource", c.composeSource.toString());
        p.setProperty("state", c.state.name());
        p.setProperty("exitCode", String.valueOf(c.exitCode));
        p.setProperty("restartCount", String.valueOf(c.restarts.count()));
        p.setProperty("created", c.created.toString());
        if (c.started != null) p.setProperty("started", c.started.toString());
        if (c.finished != null) p.setProperty("finished", c.finished.toString());
        for (int i = 0; i < c.mounts.size(); i++) {
            MountInfo m = c.mounts.get(i);
            p.setProperty("mount." + i, String.join("\t", m.type(), m.name() == null ? "" : m.name(), m.source(),
                    m.destination(), String.valueOf(m.readWrite())));
        }
        Path dir = layer(c.id);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(COMPOSE))) Files.writeString(dir.resolve(COMPOSE), c.composeText);
            synchronized (c.log) {
                Files.write(dir.resolve(LOG), c.log);
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(META))) {
                p.store(w, "embedded engine container " + c.name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save container " + c.name + ": " + e.getMessage(), e);
        }
    }

    /** The containers a previous runner left, all stopped now; records that no longer parse are skipped. */
    List<Container> load() {
        var out = new ArrayList<Container>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.isRegularFile(dir.resolve(META))) continue;
                try {
                    out.add(read(dir));
                } catch (RuntimeException | IOException e) {
                    // a record from an older or broken run: leave it, it is not ours to guess at
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The container recorded in the folder {@code dir}, stopped. */
    static Container read(Path dir) throws IOException {
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(META))) {
            p.load(r);
        }
        String text = Files.readString(dir.resolve(COMPOSE));
        Path source = Path.of(p.getProperty("composeSource"));
        Service spec = ComposeParser.parse(source, text).services().get(p.getProperty("service"));
        if (spec == null) throw new IllegalStateException("service gone");
        var mounts = new ArrayList<MountInfo>();
        for (int i = 0; p.containsKey("mount." + i); i++) {
            String[] f = p.getProperty("mount." + i).split("\t", -1);
            mounts.add(new MountInfo(f[0], f[1].isEmpty() ? null : f[1], f[2], f[3], Boolean.parseBoolean(f[4])));
        }
        var c = new Container(p.getProperty("id"), p.getProperty("name"), p.getProperty("project"), spec, dir, mounts,
                Instant.parse(p.getProperty("created")), source, text);
        if (Files.exists(dir.resolve(LOG))) c.log.addAll(Files.readAllLines(dir.resolve(LOG)));
        c.state = State.valueOf(p.getProperty("state")) == State.CREATED ? State.CREATED : State.EXITED;
        c.exitCode = Integer.parseInt(p.getProperty("exitCode"));
        c.restarts.restore(Integer.parseInt(p.getProperty("restartCount", "0")));
        if (p.containsKey("started")) c.started = Instant.parse(p.getProperty("started"));
        // A container that was running when the runner stopped ended then, as after a reboot; a restarting one had ended.
        if (c.state == State.EXITED) {
            c.finished = p.containsKey("finished") && !"RUNNING".equals(p.getProperty("state"))
                    ? Instant.parse(p.getProperty("finished")) : Files.getLastModifiedTime(dir.resolve(META)).toInstant();
        }
        return c;
    }
}
