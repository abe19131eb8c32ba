package dev.lab.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the runner's own writes and deletes inside a root folder: a path is judged by where it really
 * leads once every symbolic link in it is resolved, not by how it is spelled.
 */
public final class Inside {
    private Inside() {
    }

    /** A path that would lead outside its root; an {@link IllegalStateException}, so the CLI exits 2. */
    public static final class OutsideException extends IllegalStateException {
        /**
         * @param p    the path as asked for
         * @param real where it leads
         * @param root the folder it had to stay in
         */
        public OutsideException(Path p, Path real, Path root) {
            super("refusing to touch " + p + (real.equals(p) ? "" : " (it leads to " + real + ")")
                    + ": it is outside " + root);
        }
    }

    /**
     * Checks a path that is about to be read or written, following links, the last one included; a
     * link that leads nowhere is refused too, since writing to it would create its target.
     *
     * @return {@code p}, absolute and normalised
     * @throws OutsideException when it leads outside {@code root}
     */
    public static Path require(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return check(root, abs, real(abs));
    }

    /**
     * Checks a path whose last part is acted on itself (deleted, or changed without following it): its
     * folder must lie inside {@code root}; the last part may be a link, which is never followed.
     *
     * @return {@code p}, absolute and normalised
     */
    public static Path requireEntry(Path root, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.getParent() == null) throw new OutsideException(abs, abs, root);
        check(root, abs, real(abs.getParent()).resolve(abs.getFileName()));
        return abs;
    }

    private static Path check(Path root, Path abs, Path real) {
        if (!real.startsWith(real(root.toAbsolutePath().normalize()))) throw new OutsideException(abs, real, root);
        return abs;
    }

    // The real path of the longest part that exists, with the rest appended as written; a link that
    // leads nowhere is judged by the path it names.
    private static Path real(Path abs) {
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) return target(existing).resolve(existing.relativize(abs)).normalize();
            existing = existing.getParent();
        }
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing + ": " + e.getMessage(), e);
        }
    }

    private static Path target(Path link) {
        try {
            return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        } catch (IOException e) {
            return link;
        }
    }
}
