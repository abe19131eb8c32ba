package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Who runs the runner, read from a file the process creates (no {@code id} subprocess). */
final class HostUser {
    private HostUser() {}

    static String name() { return System.getProperty("user.name"); }

    static int uid() { return (Integer) probe().get("uid"); }

    static int gid() { return (Integer) probe().get("gid"); }

    static String group() { return probe().get("group").toString(); }

    /** The owner attributes a new file gets: {@code uid}, {@code gid} and the {@code group} principal. */
    private static Map<String, Object> probe() {
        try {
            Path file = Files.createTempFile("lab-id", "");
            try {
                return Files.readAttributes(file, "unix:uid,gid,group");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new ShellError("cannot tell the current user: " + e.getMessage());
        }
    }
}
