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

    public Path socket() { return dir.resolve("host.sock"); }
    public Path log() { return dir.resolve("host.log"); }
    public Path lock() { return dir.resolve("host.lock"); }
    public Path binDir() { return dir.resolve("bin"); }
    public Path clientArchive() { return dir.resolve("client.jsa"); }
    /** The arguments the host was started with, one a line, for a shim that has to start it again. */
    public Path startArgs() { return dir.resolve("host.args"); }

    /** Creates the folder with mode 0700 (and tightens it if it exists). */
    public HostPaths create() throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return this;
    }
}
