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

    /** Whether the user can create entries in {@code dir} (write and search permission). */
    static boolean canWrite(Path dir, ExecUser user) { return canWrite(dir, user, false); }

    /** As {@link #canWrite(Path, ExecUser)}; with {@code rootOwned} the folder's owner and group are taken to be root's. */
    static boolean canWrite(Path dir, ExecUser user, boolean rootOwned) {
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
