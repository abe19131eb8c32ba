package dev.lab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The labs under a {@code labs/} folder: every sub-folder holding a {@code lab.<lang>.md} file. */
public final class LabCatalog {

    private final Path root;

    /**
     * Creates a catalog of the folders under {@code labsRoot}.
     *
     * @param labsRoot the {@code labs/} folder; it need not exist
     */
    public LabCatalog(Path labsRoot) {
        this.root = labsRoot;
    }

    /** The {@code labs/} folder this catalog looks in. */
    public Path root() {
        return root;
    }

    /** The ids of all labs, sorted; empty when the root folder does not exist. */
    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(LabCatalog::isLabFolder).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /**
     * The folder of a lab.
     *
     * @throws LabException naming the known labs when {@code id} is not one of them
     */
    public Path dir(String id) {
        List<String> ids = ids();
        if (!ids.contains(id)) {
            String known = ids.isEmpty() ? "no labs found here" : "known labs: " + String.join(", ", ids);
            throw new LabException(root, 0, "unknown lab '" + id + "' (" + known + ")");
        }
        return root.resolve(id);
    }

    /**
     * Loads a lab in the given language, falling back to another language it has.
     *
     * @see LabLoader#loadFolder(Path, String)
     */
    public Lab load(String id, String lang) {
        return LabLoader.loadFolder(dir(id), lang);
    }

    private static boolean isLabFolder(Path dir) {
        return LabLoader.isLabFolder(dir);
    }
}
