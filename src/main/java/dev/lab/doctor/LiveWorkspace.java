package dev.lab.doctor;

import dev.lab.fs.FileTrees;
import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away copy of a compose file and the folders its bind mounts name, so the live scenario
 * never writes to the user's own folder; the engine's root lives beside it. Closing deletes it all.
 */
final class LiveWorkspace implements AutoCloseable {
    static final String PROJECT = "lab-doctor";

    private final Path root;
    private final Path compose;

    private LiveWorkspace(Path root, Path compose) {
        this.root = root;
        this.compose = compose;
    }

    /**
     * Copies the file and, keeping owners and modes, every bind source inside its folder (a source
     * that is a link is copied from where it leads, as Docker mounts it there).
     *
     * @throws ComposeException when the LocalStack service binds something outside the file's folder
     */
    static LiveWorkspace copy(ComposeFile file, Service localstack, SourceLines lines) throws IOException {
        Path source = file.source().toAbsolutePath().normalize();
        Path from = source.getParent();
        Path root = Files.createTempDirectory("lab-doctor-");
        try {
            Path dir = Files.createDirectories(root.resolve(PROJECT));
            Files.copy(source, dir.resolve(source.getFileName()));
            for (Service s : file.services().values()) {
                for (Mount m : s.volumes()) {
                    if (m.type() != Mount.Type.BIND) continue;
                    Path host = from.resolve(m.source()).normalize();
                    if (m.source().startsWith("~") || !host.startsWith(from)) {
                        if (s != localstack) continue;
                        throw new ComposeException(file.source(), lines.mount(s, m.target()), "lab doctor --live copies bind"
                                + " folders inside " + from + " into a temporary workspace; " + m.source() + " is outside it");
                    }
                    if (Files.exists(host)) {
                        // Copies of the user's files, never links to them: LocalStack writes into the copy.
                        Path to = dir.resolve(from.relativize(host).toString());
                        Files.createDirectories(to.getParent());
                        FileTrees.copy(host, to);
                    }
                }
            }
            return new LiveWorkspace(root, dir.resolve(source.getFileName()));
        } catch (IOException | RuntimeException e) {
            deleteTree(root);
            throw e;
        }
    }

    /** The copied compose file; its folder is the project's working folder. */
    Path compose() {
        return compose;
    }

    /** Where the engine keeps its volumes and containers. */
    Path engineRoot() {
        return root.resolve("engine");
    }

    @Override
    public void close() {
        deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary workspace " + dir + ": " + e.getMessage(), e);
        }
    }
}
