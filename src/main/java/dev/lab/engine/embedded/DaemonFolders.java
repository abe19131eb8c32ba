package dev.lab.engine.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Bind folders the engine created because they were missing. Docker's daemon creates those as
 * root; when the runner is not root its folder belongs to the learner instead, so until the
 * learner changes the folder's owner or mode, permission checks treat it as root's.
 */
final class DaemonFolders {
    private final Path file;

    DaemonFolders(Path file) { this.file = file; }

    /** Records a folder just created for a bind mount, with its owner and mode as created. */
    synchronized void created(Path dir) {
        var p = load();
        p.setProperty(dir.toString(), attrs(dir));
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "bind folders the daemon would have created as root");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + dir, e);
        }
    }

    /** Whether the folder is one the daemon made and nobody has chown'ed or chmod'ed since. */
    synchronized boolean rootOwned(Path dir) {
        String recorded = load().getProperty(dir.toString());
        return recorded != null && Files.isDirectory(dir) && recorded.equals(attrs(dir));
    }

    private Properties load() {
        var p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private static String attrs(Path dir) {
        try {
            return Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                    + Files.getAttribute(dir, "unix:gid", LinkOption.NOFOLLOW_LINKS) + ":"
                    + Integer.toOctalString((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777);
        } catch (IOException e) {
            return "?";
        }
    }
}
