package dev.lab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Owner ids for permission tests that must pass as root and as any other user. A case is written
 * with ids as roles (folder {@code 0:0}, container user {@code 1000:1000}). As root those ids are
 * used as written. Another user can only give a folder its own uid and gid, so there the folder's
 * uid becomes the runner's uid, its gid the runner's gid, and every other id one that matches
 * neither: the container user keeps the same relation to the folder (owner, group, other).
 */
public record Owners(int uid, int gid, boolean root) {

    /** The ids of the process running the tests, read from a file it creates. */
    public static Owners ofRunner() {
        try {
            Path probe = Files.createTempFile("owners", "");
            try {
                int uid = (Integer) Files.getAttribute(probe, "unix:uid");
                return new Owners(uid, (Integer) Files.getAttribute(probe, "unix:gid"), uid == 0);
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives {@code folder} the case's owner and mode, renamed as the class comment says. */
    public void own(Path folder, int caseUid, int caseGid, int mode) throws IOException {
        if (root) {
            Files.setAttribute(folder, "unix:uid", caseUid);
            Files.setAttribute(folder, "unix:gid", caseGid);
        }
        Files.setAttribute(folder, "unix:mode", mode);
    }

    /** The folder's uid as the case sees it after {@link #own}. */
    public int folderUid(int caseUid) { return root ? caseUid : uid; }

    /** The folder's gid as the case sees it after {@link #own}. */
    public int folderGid(int caseGid) { return root ? caseGid : gid; }

    /**
     * A compose {@code user:} of the case ({@code "1000:1000"}, {@code "1000"}, {@code "root"}, empty)
     * for a folder owned {@code caseUid:caseGid}; a bare uid also names its group, as in the image.
     */
    public String user(String spec, int caseUid, int caseGid) {
        if (root || spec == null || spec.isBlank() || !spec.matches("\\d+(:\\d+)?")) return spec;
        String[] p = spec.split(":");
        int u = Integer.parseInt(p[0]);
        int g = p.length > 1 ? Integer.parseInt(p[1]) : u;
        return (u == caseUid ? uid : uid + 1) + ":" + (g == caseGid ? gid : gid + 1);
    }
}
