package dev.lab.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a tree holds, entry by entry: kind, bytes (hashed), mode and extended attributes; for comparing trees in tests. */
public final class TreeState {
    private TreeState() {
    }

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String rel = root.relativize(p).toString();
                StringBuilder s = new StringBuilder();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                    continue;
                }
                s.append(Files.isDirectory(p) ? "dir " : "file " + sha(Files.readAllBytes(p)) + " ");
                s.append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                var view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
                for (String name : new java.util.TreeSet<>(view.list())) {
                    ByteBuffer b = ByteBuffer.allocate(view.size(name));
                    view.read(name, b);
                    s.append(' ').append(name).append('=').append(new String(b.array(), 0, b.position()));
                }
                out.put(rel, s.toString());
            }
        }
        return out;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
