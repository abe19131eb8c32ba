package dev.lab.session;

import dev.lab.fs.FileTrees;
import dev.lab.fs.Inside;
import dev.lab.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The lab's workspace folder: created from the lab's {@code files/}, wiped on {@code reset all}. */
final class Workspaces {
    static final String MARKER = ".lab-workspace";

    private Workspaces() {}

    /** Creates the workspace and copies in the lab's files that are not there yet. */
    static void prepare(Lab lab, Path workspace) {
        try {
            if (Files.exists(workspace) && !Files.exists(workspace.resolve(MARKER)) && !isEmpty(workspace)) {
                throw new IllegalStateException("refusing to use " + workspace + " as the lab workspace: it is not empty and was not made by lab");
            }
            Files.createDirectories(workspace);
            Files.writeString(Inside.require(workspace, workspace.resolve(MARKER)), lab.id() + "\n");
            Path files = lab.dir().resolve("files");
            if (!Files.isDirectory(files)) return;
            try (Stream<Path> walk = Files.walk(files)) {
                for (Path src : walk.toList()) {
                    // A link the learner left in the workspace must not carry the copy out of it.
                    Path dst = Inside.require(workspace, workspace.resolve(files.relativize(src).toString()));
                    if (Files.isDirectory(src)) Files.createDirectories(dst);
                    else if (!Files.exists(dst)) Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the workspace's contents, links as links; only a folder lab made (it holds the marker). */
    static void wipe(Path workspace) {
        if (!Files.exists(workspace.resolve(MARKER))) return;
        try (Stream<Path> children = Files.list(workspace)) {
            for (Path child : children.toList()) FileTrees.deleteInside(workspace, child);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe the workspace " + workspace + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
