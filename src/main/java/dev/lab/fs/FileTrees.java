package dev.lab.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Recursive copy and delete of folder trees, the one implementation every package uses. Copies
 * keep file attributes because S3Proxy stores object metadata (content type, user metadata) in
 * extended attributes. Entries that vanish mid-walk are skipped, since requests may be changing
 * the tree while it is walked. Walks never follow symbolic links: a delete removes the link, never
 * what it points to, and a copy holds copies of files, never links out of the tree.
 */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Copies the tree under {@code source} into {@code to}, attributes included (the owner only when
     * allowed). A link to a file inside the tree is copied as that file; other links (out of the tree,
     * to folders, dangling) are left out, as a container that mounts the tree would not reach their
     * targets either. When {@code source} is itself a link, the tree it leads to is copied, as Docker
     * mounts a linked bind source. A folder's mode is set after its contents, so read-only folders can
     * be copied by a user other than root; folders that already exist in {@code to} are kept as they are.
     */
    public static void copy(Path source, Path to) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        Path from = source.toRealPath();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            private final Map<Path, Object> modes = new HashMap<>();

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                    throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!Files.isWritable(target)) {
                    Object mode = Files.getAttribute(target, "unix:mode");
                    modes.put(target, mode);
                    Files.setAttribute(target, "unix:mode", (Integer) mode | 0700);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Path target = to.resolve(from.relativize(dir).toString());
                Object mode = modes.remove(target);
                if (mode != null) {
                    Files.setAttribute(target, "unix:mode", mode);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                    throws IOException {
                if (attrs.isSymbolicLink() && !linksToFileInside(file, from)) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    // Deleted by a request while we were walking.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /**
     * {@link #delete(Path)} after checking that {@code tree}'s folder, links resolved, lies inside
     * {@code root}.
     *
     * @throws Inside.OutsideException when it does not
     */
    public static void deleteInside(Path root, Path tree) throws IOException {
        delete(Inside.requireEntry(root, tree));
    }

    /** Deletes {@code root} and everything below it, links as links; a missing root is fine. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                    throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean linksToFileInside(Path link, Path realRoot) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(realRoot) && Files.isRegularFile(target);
        } catch (IOException dangling) {
            return false;
        }
    }
}
