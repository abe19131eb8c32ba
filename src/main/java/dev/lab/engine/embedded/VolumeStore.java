package dev.lab.engine.embedded;

import dev.lab.fs.FileTrees;
import dev.lab.engine.VolumeInfo;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded engine's volumes: one real folder each, {@code <root>/<name>/_data}, beside a
 * {@code labels.properties} holding the Compose labels and the owner Docker would have given the
 * folder (the image's {@code /var/lib/localstack}: root, 0755), whoever runs the engine.
 */
final class VolumeStore {
    static final String PROJECT = "com.docker.compose.project";
    static final String VOLUME = "com.docker.compose.volume";
    static final String ANONYMOUS = "lab.anonymous";
    static final String EXTERNAL = "lab.external";
    static final String LAB = "dev.lab.managed";

    private final Path root;

    VolumeStore(Path root) { this.root = root; }

    /** Creates the volume if missing and returns its data folder. */
    Path ensure(String name, String project, String declared, boolean anonymous, boolean external) {
        Path data = data(name);
        if (Files.isDirectory(data)) return data;
        try {
            Files.createDirectories(data);
            var labels = new Properties();
            labels.setProperty(LAB, "true");
            labels.setProperty(PROJECT, project);
            labels.setProperty(VOLUME, declared == null ? "" : declared);
            labels.setProperty(ANONYMOUS, Boolean.toString(anonymous));
            labels.setProperty(EXTERNAL, Boolean.toString(external));
            try (Writer w = Files.newBufferedWriter(root.resolve(name).resolve("labels.properties"))) {
                labels.store(w, "volume " + name);
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create volume folder " + data, e);
        }
    }

    /** The data folder of a volume, whether it exists or not. */
    Path data(String name) { return root.resolve(name).resolve("_data"); }

    boolean exists(String name) { return Files.isDirectory(data(name)); }

    /** Deletes the volume and its data; only volumes this store labelled. */
    void remove(String name) {
        if (labels(name).isPresent()) FileTrees.deleteOrFail(root.resolve(name));
    }

    /** Volumes labelled with the project. */
    List<VolumeInfo> list(String project) {
        var out = new ArrayList<VolumeInfo>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                labels(name).filter(l -> project.equals(l.getProperty(PROJECT))).ifPresent(l -> out.add(new VolumeInfo(
                        name, Boolean.parseBoolean(l.getProperty(ANONYMOUS)),
                        Boolean.parseBoolean(l.getProperty(EXTERNAL)), data(name))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private Optional<Properties> labels(String name) {
        Path file = root.resolve(name).resolve("labels.properties");
        if (!Files.isRegularFile(file)) return Optional.empty();
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }
}
