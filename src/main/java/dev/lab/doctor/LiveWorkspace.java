package dev.lab.doctor;

import dev.lab.fs.FileTrees;
import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

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
     * Copies the file and, keeping owners and modes, every bind source inside its folder.
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
                    if (Files.exists(host, LinkOption.NOFOLLOW_LINKS)) copyTree(host, dir.resolve(from.relativize(host).toString()));
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

    // Owners and modes are set after the contents, so a read-only folder can still be filled.
    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(from)) {
            entries = walk.toList();
        }
        for (Path p : entries) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Path p = entries.get(i);
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
            Path target = to.resolve(from.relativize(p).toString());
            try {
                Files.setAttribute(target, "unix:uid", Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS));
                Files.setAttribute(target, "unix:gid", Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS));
            } catch (FileSystemException notRoot) {
                // Only root may give a folder away; the copy then belongs to whoever runs lab.
            }
            Files.setAttribute(target, "unix:mode", Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
        }
    }

    private static void deleteTree(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary workspace " + dir + ": " + e.getMessage(), e);
        }
    }
}
