package dev.lab.engine.embedded;

import dev.lab.engine.ContainerInfo.State;
import dev.lab.engine.EngineException;
import dev.lab.engine.VolumeInfo;
import dev.lab.fs.AtomicProperties;
import dev.lab.fs.FileTrees;
import dev.lab.fs.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A project's containers and volumes saved to a folder and put back: layers and volume trees, which containers ran,
 * and their programs' in-memory state. Callers hold the engine's lock.
 */
record Snapshots(Path root, ContainerTable containers, ContainerStore store, VolumeStore volumes, Runs runs) {
    private static final String STATE = "state.properties";

    void save(String project, Path dir) throws EngineException {
        try {
            // Synced, not replaced: a snapshot taken over an earlier one (the demo's next boundary) copies only what changed.
            Files.createDirectories(dir);
            var state = new Properties();
            var ids = new ArrayList<String>();
            for (Container c : containers.of(project)) {
                store.save(c);
                TreeSnapshot.take(c.layer, dir.resolve("containers").resolve(c.id));
                ids.add(c.id);
                if (c.state != State.RUNNING) continue;
                state.setProperty("running." + c.id, "true");
                c.runtime.states().forEach((k, v) -> state.setProperty("memory." + c.id + "." + k, v));
            }
            var names = volumes.list(project).stream().map(VolumeInfo::name).toList();
            for (String v : names) TreeSnapshot.take(volumes.folder(v), dir.resolve("volumes").resolve(v));
            dropOthers(dir.resolve("containers"), ids);
            dropOthers(dir.resolve("volumes"), names);
            state.setProperty("containers", String.join(",", ids));
            state.setProperty("volumes", String.join(",", names));
            AtomicProperties.store(dir.resolve(STATE), state, "embedded engine state of project " + project);
        } catch (IOException e) {
            throw new EngineException("cannot save the engine state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the entries of {@code folder} not named in {@code keep}: what an earlier snapshot there held. */
    private static void dropOthers(Path folder, List<String> keep) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (var entries = Files.list(folder)) {
            for (Path e : entries.toList()) if (!keep.contains(e.getFileName().toString())) FileTrees.delete(e);
        }
    }

    void restore(String project, Path dir) throws EngineException {
        var state = new Properties();
        try (var r = Files.newBufferedReader(dir.resolve(STATE))) {
            state.load(r);
            var ids = List.of(state.getProperty("containers").split(",")).stream().filter(id -> !id.isEmpty()).toList();
            var saved = List.of(state.getProperty("volumes").split(",")).stream().filter(v -> !v.isEmpty()).toList();
            for (Container c : containers.of(project)) {
                if (c.state == State.RUNNING && state.containsKey("running." + c.id)) {
                    // Same run in both: its program keeps serving, the files under it go back.
                    TreeSnapshot.restore(dir.resolve("containers").resolve(c.id), c.layer);
                    synchronized (c.log) {
                        c.log.clear();
                        c.log.addAll(ContainerStore.read(c.layer).log);
                    }
                    continue;
                }
                runs.halt(c);
                containers.remove(c);
                FileTrees.deleteInside(root, c.layer);
            }
            for (var v : volumes.list(project)) if (!saved.contains(v.name())) volumes.remove(v.name());
            for (String v : saved) TreeSnapshot.restore(dir.resolve("volumes").resolve(v), volumes.folder(v));
            for (String id : ids) {
                if (containers.all().stream().anyMatch(c -> c.id.equals(id))) continue;
                TreeSnapshot.restore(dir.resolve("containers").resolve(id), store.layer(id));
                Container c = ContainerStore.read(store.layer(id));
                containers.put(c);
                if (state.containsKey("running." + id)) runs.resume(c, memory(state, id));
            }
        } catch (IOException | RuntimeException e) {
            throw new EngineException("cannot restore the engine state from " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> memory(Properties state, String id) {
        var out = new LinkedHashMap<String, String>();
        String prefix = "memory." + id + ".";
        for (String k : state.stringPropertyNames()) if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), state.getProperty(k));
        return out;
    }
}
