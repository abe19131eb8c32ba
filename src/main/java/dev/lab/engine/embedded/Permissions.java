package dev.lab.engine.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Decides, the way the kernel would inside the container, whether a container user may create
 * files in a host folder: from the folder's owner, group and mode, never from who runs the engine.
 */
final class Permissions {
    private Permissions() {}

    /** A container user as {@code user:} gives it; root when absent. */
    record User(int uid, int gid) {
        static final User ROOT = new User(0, 0);

        /** Parses {@code "1000"}, {@code "1000:1000"} or {@code "root"}; names other than root are not known to the image. */
        static User parse(String spec) {
            if (spec == null || spec.isBlank() || spec.equals("root") || spec.equals("0")) return ROOT;
            String[] parts = spec.split(":", 2);
            try {
                int uid = parts[0].equals("root") ? 0 : Integer.parseInt(parts[0]);
                int gid = parts.length > 1 ? (parts[1].equals("root") ? 0 : Integer.parseInt(parts[1])) : uid;
                return new User(uid, gid);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unable to find user " + spec + ": no matching entries in passwd file");
            }
        }
    }

    /** Whether the user can create entries in {@code dir} (write and search permission). */
    static boolean canWrite(Path dir, User user) { return canWrite(dir, user, false); }

    /** As {@link #canWrite(Path, User)}; with {@code rootOwned} the folder's owner and group are taken to be root's. */
    static boolean canWrite(Path dir, User user, boolean rootOwned) {
        if (user.uid() == 0) return true;
        try {
            int uid = rootOwned ? 0 : (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int gid = rootOwned ? 0 : (Integer) Files.getAttribute(dir, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int bits = uid == user.uid() ? (mode >> 6) & 7 : gid == user.gid() ? (mode >> 3) & 7 : mode & 7;
            return (bits & 3) == 3;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
