package dev.lab.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The engine host's files under {@code <state>/engine}: the socket, its log, the starters' lock and
 * the shims' folder. The folder is mode 0700, so only the user can reach the socket.
 */
public record HostPaths(Path dir) {

    /** The folder of a lab home's state folder. */
    public static HostPaths under(Path state) { return new HostPaths(state.resolve("engine").toAbsolutePath().normalize()); }

    /**
     * The socket: in the folder, or, where that path is too long for a Unix socket (108 bytes with the
     * terminating zero), in a private folder of the temporary directory named after this one.
     */
    public Path socket() {
        Path inside = dir.resolve("host.sock");
        return inside.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 100 ? inside : shortDir().resolve("host.sock");
    }

    private Path shortDir() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var hex = new StringBuilder();
            for (int i = 0; i < 6; i++) hex.append(String.format("%02x", d[i]));
            return Path.of(System.getProperty("java.io.tmpdir"), "lab-" + System.getProperty("user.name") + "-" + hex);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
    public Path log() { return dir.resolve("host.log"); }
    public Path lock() { return dir.resolve("host.lock"); }
    public Path binDir() { return dir.resolve("bin"); }
    /** The loopback port and token of the bash shims' way in ({@link LoopbackDoor}), mode 0600. */
    public Path door() { return dir.resolve("door"); }
    /** The arguments the host was started with, one a line, for a shim that has to start it again. */
    public Path startArgs() { return dir.resolve("host.args"); }

    /** Creates the folder with mode 0700 (and tightens it if it exists). */
    public HostPaths create() throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path socketDir = socket().getParent();
        if (!socketDir.equals(dir)) {
            Files.createDirectories(socketDir);
            // A folder in the shared temporary directory: only ours, never one another user made for us.
            if (!Files.getOwner(socketDir, java.nio.file.LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                throw new IOException("refusing to use " + socketDir + " for the engine host's socket: it belongs to another user");
            }
            Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwx------"));
        }
        return this;
    }
}
