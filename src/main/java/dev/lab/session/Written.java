package dev.lab.session;

import dev.lab.fs.AtomicProperties;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * What lab last wrote to each workspace file: a SHA-256 per path relative to the workspace, kept in
 * the lab's state area (never in the workspace, where the learner's tools would see it). The only
 * reader and writer of that record. A record lab cannot read is started afresh: the worst that
 * does is keep one backup too many, never lose an edit.
 */
final class Written {
    private final Path file;
    private final Properties sums = new Properties();

    private Written(Path file) { this.file = file; }

    static Written load(Path file) {
        var w = new Written(file);
        try {
            if (Files.isRegularFile(file)) w.sums.load(new StringReader(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            w.sums.clear();
        }
        return w;
    }

    /** Reads the record again from its file (after the file was put back from a snapshot). */
    void reload() {
        sums.clear();
        sums.putAll(load(file).sums);
    }

    /** The digest of the content lab last wrote at {@code rel}, if it wrote there. */
    Optional<String> sum(String rel) { return Optional.ofNullable(sums.getProperty(rel)); }

    /** Records that lab wrote {@code content} at {@code rel} ({@code null}: lab removed it). */
    void wrote(String rel, byte[] content) {
        if (content == null) sums.remove(rel);
        else sums.setProperty(rel, sha256(content));
    }

    void save() {
        try {
            AtomicProperties.store(file, sums, "what lab last wrote in its workspace (sha-256 by path)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
