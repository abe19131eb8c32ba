package dev.lab.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/** Who runs the runner, read from the process's own files (no {@code id} subprocess). */
final class HostUser {
    private HostUser() {}

    static String name() { return System.getProperty("user.name"); }

    static int uid() { return attr("unix:uid"); }

    static int gid() { return attr("unix:gid"); }

    static String group() {
        try {
            Path probe = Files.createTempFile("lab-id", "");
            try {
                return Files.readAttributes(probe, PosixFileAttributes.class).group().getName();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return String.valueOf(gid());
        }
    }

    private static int attr(String name) {
        try {
            Path probe = Files.createTempFile("lab-id", "");
            try {
                return (Integer) Files.getAttribute(probe, name);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new ShellError("cannot tell the current user: " + e.getMessage());
        }
    }
}
