package dev.lab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes entries of one tree equal to the same entries of another, touching only what differs. In
 * {@link Mode#LINK} an unchanged file is the same inode on both sides and a changed one becomes a
 * hard link to the source; in {@link Mode#COPY} a file counts as unchanged when size, modification
 * time and mode agree (rsync's quick check) and is copied otherwise. Folders are always real folders
 * on both sides with the source's mode and extended attributes; symbolic links are recreated as
 * links with the same target text, never followed.
 */
final class Mirror {
    enum Mode { LINK, COPY }

    /** How far below a folder entry to look: the folder only, its children, or everything. */
    static final int SELF = 0, CHILDREN = 1, DEEP = Integer.MAX_VALUE;

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path from;
    private final Path to;
    private final Mode mode;
    private final Consumer<String> folders;

    /** @param folders told the relative path of every folder that exists in both trees after a visit */
    Mirror(Path from, Path to, Mode mode, Consumer<String> folders) {
        this.from = from;
        this.to = to;
        this.mode = mode;
        this.folders = folders;
    }

    /** Syncs the entry at {@code rel} ("" is the root), looking {@code depth} levels below it. */
    void entry(String rel, int depth) throws IOException {
        Path f = resolve(from, rel);
        Path t = resolve(to, rel);
        PosixFileAttributes fa = attrs(f);
        PosixFileAttributes ta = attrs(t);
        if (fa == null || fa.isOther()) {
            if (ta != null) FileTrees.delete(t);
            return;
        }
        if (fa.isDirectory()) {
            boolean fresh = ta == null || !ta.isDirectory();
            if (fresh) {
                if (ta != null) FileTrees.delete(t);
                Files.createDirectory(t);
            }
            int below = fresh ? DEEP : depth;
            if (below > SELF) children(rel, f, t, below == DEEP ? DEEP : below - 1);
            folderAttributes(f, t, fa);
            folders.accept(rel);
        } else if (fa.isSymbolicLink()) {
            Path target = Files.readSymbolicLink(f);
            if (ta != null && ta.isSymbolicLink() && Files.readSymbolicLink(t).equals(target)) return;
            Path tmp = temp(t);
            Files.createSymbolicLink(tmp, target);
            Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            if (ta != null && ta.isDirectory()) FileTrees.delete(t);
            else if (ta != null && same(fa, ta)) return;
            replaceFile(f, t);
        }
    }

    private void children(String rel, Path f, Path t, int depth) throws IOException {
        Set<String> names = new TreeSet<>(names(f));
        names.addAll(names(t));
        boolean locked = !Files.isWritable(t);
        if (locked) Files.setPosixFilePermissions(t, Set.copyOf(writable(t)));
        for (String name : names) entry(rel.isEmpty() ? name : rel + "/" + name, depth);
    }

    private static List<java.nio.file.attribute.PosixFilePermission> writable(Path dir) throws IOException {
        var perms = new java.util.ArrayList<>(Files.getPosixFilePermissions(dir, NOFOLLOW));
        perms.add(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        perms.add(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        return perms;
    }

    private boolean same(PosixFileAttributes fa, PosixFileAttributes ta) {
        if (!ta.isRegularFile()) return false;
        if (mode == Mode.LINK) return fa.fileKey() != null && fa.fileKey().equals(ta.fileKey());
        // Microseconds: the JDK's copy keeps the modification time only to the microsecond.
        return fa.size() == ta.size() && fa.permissions().equals(ta.permissions())
                && fa.lastModifiedTime().to(TimeUnit.MICROSECONDS) == ta.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    }

    private void replaceFile(Path f, Path t) throws IOException {
        Path tmp = temp(t);
        try {
            if (mode == Mode.LINK) {
                try {
                    Files.createLink(tmp, f);
                } catch (UnsupportedOperationException | IOException crossDevice) {
                    Files.copy(f, tmp, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
                }
            } else {
                Files.copy(f, tmp, StandardCopyOption.COPY_ATTRIBUTES, NOFOLLOW);
            }
            Files.move(tmp, t, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException gone) {
            // The source vanished mid-sync (a request deleted it): mirror the absence.
            Files.deleteIfExists(tmp);
            if (Files.notExists(f, NOFOLLOW)) Files.deleteIfExists(t);
            else throw gone;
        }
    }

    /** Mode and extended attributes of a folder, set after its contents so read-only folders can be filled. */
    private static void folderAttributes(Path f, Path t, PosixFileAttributes fa) throws IOException {
        var fx = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class, NOFOLLOW);
        var tx = Files.getFileAttributeView(t, UserDefinedFileAttributeView.class, NOFOLLOW);
        if (fx != null && tx != null) copyXattrs(fx, tx);
        var tv = Files.getFileAttributeView(t, PosixFileAttributeView.class, NOFOLLOW);
        tv.setPermissions(fa.permissions());
    }

    /** Makes {@code tx} hold exactly {@code fx}'s user attributes. */
    static void copyXattrs(UserDefinedFileAttributeView fx, UserDefinedFileAttributeView tx) throws IOException {
        List<String> wanted = fx.list();
        for (String name : tx.list()) if (!wanted.contains(name)) tx.delete(name);
        for (String name : wanted) {
            ByteBuffer value = ByteBuffer.allocate(fx.size(name));
            fx.read(name, value);
            value.flip();
            tx.write(name, value);
        }
    }

    static PosixFileAttributes attrs(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir, NOFOLLOW)) return List.of();
        var out = new java.util.ArrayList<String>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) out.add(p.getFileName().toString());
        } catch (NoSuchFileException gone) {
            return List.of();
        }
        return out;
    }

    static Path resolve(Path root, String rel) {
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    static Path temp(Path target) throws FileAlreadyExistsException {
        return target.resolveSibling(".lab-sync-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }
}
