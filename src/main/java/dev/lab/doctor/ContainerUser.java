package dev.lab.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The user a container runs as, from the service's {@code user:} ("uid[:gid]"; absent or root is
 * root), and whether it may write a host folder, decided as the kernel would.
 *
 * @param uid  user id; -1 for a user name the image may not know (only the folder's "other" bits apply)
 * @param gid  group id; the uid when not written, -1 when unknown
 * @param spec the {@code user:} as written, or {@code null}
 */
record ContainerUser(int uid, int gid, String spec) {

    static ContainerUser parse(String spec) {
        if (spec == null || spec.isBlank()) return new ContainerUser(0, 0, null);
        String[] parts = spec.strip().split(":", 2);
        int uid = id(parts[0]);
        int gid = parts.length > 1 ? id(parts[1]) : uid;
        return new ContainerUser(uid, gid, spec);
    }

    private static int id(String part) {
        if (part.equals("root")) return 0;
        return part.matches("[0-9]{1,9}") ? Integer.parseInt(part) : -1;
    }

    boolean isRoot() {
        return uid == 0;
    }

    /** {@code uid:gid} for a {@code chown} command, falling back to the text written. */
    String owner() {
        return uid >= 0 && gid >= 0 ? uid + ":" + gid : spec;
    }

    /**
     * Whether LocalStack 4.14.0's entrypoint gets past its one write, {@code mkdir -p /var/lib/localstack/logs}, with
     * {@code dir} there: {@code logs/} is there already (whoever owns it: observed on Docker, a non-root user then reaches
     * {@code Ready.}), or this user may create it. Root always may; others need write and search permission from the
     * owner, group or other bits, whichever class applies first.
     */
    boolean canStartOn(Path dir) {
        return isRoot() || Files.isDirectory(dir.resolve("logs")) || bitsAllowWrite(dir);
    }

    /** {@code owner 0:0, mode 755}, to show why a folder is not writable. */
    static String ownership(Path dir) {
        try {
            return "owner " + Files.getAttribute(dir, "unix:uid") + ":" + Files.getAttribute(dir, "unix:gid")
                    + ", mode " + Integer.toOctalString((Integer) Files.getAttribute(dir, "unix:mode") & 07777);
        } catch (IOException | UnsupportedOperationException e) {
            return "ownership unreadable: " + e.getMessage();
        }
    }

    private boolean bitsAllowWrite(Path dir) {
        try {
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int group = (Integer) Files.getAttribute(dir, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int bits = owner == uid ? (mode >> 6) & 7 : group == gid ? (mode >> 3) & 7 : mode & 7;
            return (bits & 3) == 3;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
