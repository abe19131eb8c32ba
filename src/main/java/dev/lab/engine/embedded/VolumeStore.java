package dev.lab.engine.embedded;

import dev.lab.engine.VolumeInfo;
import dev.lab.fs.FileTrees;
import dev.lab.fs.Inside;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded engine's volumes: one real folder each, {@code <root>/<name>/_data}, beside a
 * {@code labels.properties} holding the Compose labels and the owner Docker would have given the
 * folder (the image's {@code /var/lib/localstack}: root, 0777), whoever runs the engine. Every
 * write and delete stays inside the root, links resolved; a volume whose labels are missing or
 * garbled is an error naming the file, never silently reused.
 */
final class VolumeStore {
    static final String PROJECT = "com.docker.compose.project";
    static final String VOLUME = "com.docker.compose.volume";
    static final String ANONYMOUS = "lab.anonymous";
    static final String EXTERNAL = "lab.external";
    static final String LAB = "dev.lab.managed";
    private static final String LABELS = "labels.properties";

    private final Path root;

    VolumeStore(Path root) { this.root = root.toAbsolutePath().normalize(); }

    /** Creates the volume if missing and returns its data folder. */
    Path ensure(String name, String project, String declared, boolean anonymous, boolean external) {
        Path data = Inside.require(root, data(name));
        if (labels(name).isPresent()) return data;
        try {
            Files.createDirectories(data);
            var labels = new Properties();
            labels.setProperty(LAB, "true");
            labels.setProperty(PROJECT, project);
            labels.setProperty(VOLUME, declared == null ? "" : declared);
            labels.setProperty(ANONYMOUS, Boolean.toString(anonymous));
            labels.setProperty(EXTERNAL, Boolean.toString(external));
            Path file = Inside.require(root, dir(name).resolve(LABELS));
            try (Writer w = Files.newBufferedWriter(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                labels.store(w, "volume " + name);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create volume folder " + data + ": " + e.getMessage(), e);
        }
    }

    /** The folder of a volume (labels and data), whether it exists or not. */
    Path folder(String name) { return dir(name); }

    /** The data folder of a volume, whether it exists or not. */
    Path data(String name) { return dir(name).resolve("_data"); }

    /** Whether the volume exists; a garbled one is an error. */
    boolean exists(String name) { return labels(name).isPresent(); }

    /** Deletes the volume and its data; only volumes this store labelled. */
    void remove(String name) {
        if (labels(name).isPresent()) delete(name);
    }

    /** Deletes the project's volumes, and garbled ones named for it ({@code <project>_…}), so {@code reset all} mends them. */
    void purge(String project) {
        for (String name : names()) {
            try {
                if (labels(name).filter(l -> project.equals(l.getProperty(PROJECT))).isPresent()) delete(name);
            } catch (CorruptVolume e) {
                if (name.startsWith(project + "_")) delete(name);
            }
        }
    }

    /** Volumes labelled with the project; a garbled one named for the project is an error. */
    List<VolumeInfo> list(String project) {
        var out = new ArrayList<VolumeInfo>();
        for (String name : names()) {
            Optional<Properties> labels;
            try {
                labels = labels(name);
            } catch (CorruptVolume e) {
                if (name.startsWith(project + "_")) throw e;
                continue;
            }
            labels.filter(l -> project.equals(l.getProperty(PROJECT))).ifPresent(l -> out.add(new VolumeInfo(
                    name, Boolean.parseBoolean(l.getProperty(ANONYMOUS)),
                    Boolean.parseBoolean(l.getProperty(EXTERNAL)), data(name))));
        }
        return out;
    }

    /** A volume folder whose labels are missing or garbled: says which file and what to do. */
    static final class CorruptVolume extends IllegalStateException {
        CorruptVolume(Path dir, String problem) {
            super(dir.resolve(LABELS) + ": " + problem + "; run `reset all` if the volume belongs to the lab,"
                    + " or delete the folder " + dir + " (its data goes with it)");
        }
    }

    private Path dir(String name) {
        Path dir = root.resolve(name).normalize();
        if (name.isEmpty() || name.contains("/") || !root.equals(dir.getParent())) {
            throw new Inside.OutsideException(dir, dir, root);
        }
        return dir;
    }

    private void delete(String name) {
        try {
            FileTrees.deleteInside(root, dir(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete volume " + dir(name) + ": " + e.getMessage(), e);
        }
    }

    private List<String> names() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list volumes in " + root + ": " + e.getMessage(), e);
        }
    }

    // Empty when no such volume; a folder without valid labels is a CorruptVolume.
    private Optional<Properties> labels(String name) {
        Path dir = dir(name);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        Path file = dir.resolve(LABELS);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new CorruptVolume(dir, "the volume folder is not a folder");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) throw new CorruptVolume(dir, "missing");
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptVolume(dir, "unreadable (" + e.getMessage() + ")");
        }
        boolean valid = "true".equals(p.getProperty(LAB)) && p.getProperty(PROJECT) != null && p.getProperty(VOLUME) != null
                && List.of("true", "false").contains(p.getProperty(ANONYMOUS))
                && List.of("true", "false").contains(p.getProperty(EXTERNAL));
        if (!valid) throw new CorruptVolume(dir, "garbled (expected " + LAB + ", " + PROJECT + ", " + VOLUME + ", "
                + ANONYMOUS + " and " + EXTERNAL + ")");
        if (!Files.isDirectory(data(name), LinkOption.NOFOLLOW_LINKS)) throw new CorruptVolume(dir, "has no _data folder beside it");
        return Optional.of(p);
    }
}
