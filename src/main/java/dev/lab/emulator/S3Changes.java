package dev.lab.emulator;

import static dev.lab.fs.LinkedSnapshot.CHILDREN;
import static dev.lab.fs.LinkedSnapshot.DEEP;
import static dev.lab.fs.LinkedSnapshot.SELF;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.stream.Stream;

/**
 * Which entries of S3Proxy's filesystem store (bucket folder, key path, multipart and version
 * bookkeeping) an S3 request may change, so a save costs O(the change). Mirrors the layout of
 * S3Proxy 4.1's {@code AbstractNio2BlobStore}; anything it cannot place (virtual-host requests,
 * odd keys) is reported as "may have changed anything", which is always correct, only slower.
 */
final class S3Changes {
    private static final String VERSIONS = ".s3proxy-versions";
    private static final String SLASH_BLOB = ".s3proxy-slash";

    private final Path live;
    private final S3Storage storage;

    S3Changes(Path live, S3Storage storage) {
        this.live = live;
        this.storage = storage;
    }

    /** Before S3Proxy runs the request: files it will change in place get their own copy. */
    void before(HttpServletRequest request) throws IOException {
        Target t = target(request);
        if (t == null || t.key == null) return;
        if (request.getParameter("acl") != null && request.getParameter("versionId") != null) {
            detachAll(t.bucket + "/" + VERSIONS);
        }
        if (request.getParameter("acl") != null || versioned(t.bucket)) storage.beforeInPlaceChange(t.key);
    }

    /** After a request that succeeded and may have changed state. */
    void after(HttpServletRequest request) {
        Target t = target(request);
        if (t == null) {
            storage.changed();
            return;
        }
        if (t.key == null) {
            storage.changed(t.bucket, request.getParameter("delete") != null ? DEEP : SELF);
            return;
        }
        storage.changed(t.key, DEEP);
        String upload = request.getParameter("uploadId");
        if (upload != null || request.getParameter("uploads") != null) {
            // Parts and the stub live beside the object as ".mpus-<id>-<key>-<n>", under a folder when the key has one.
            storage.changed(t.bucket, CHILDREN);
            String first = t.key.substring(t.bucket.length() + 1).split("/", 2)[0];
            if (upload != null) storage.changed(t.bucket + "/.mpus-" + upload + "-" + first, DEEP);
        }
        if (versioned(t.bucket) || request.getParameter("versionId") != null) storage.changed(t.bucket + "/" + VERSIONS, DEEP);
    }

    /** Bucket folder and key path relative to the store, or null when the request cannot be placed. */
    static Target target(HttpServletRequest request) {
        String host = request.getServerName();
        boolean pathStyle = !host.contains(".") || host.matches("[0-9.]+") || host.contains(":")
                || host.equals("localhost.localstack.cloud") || host.equals("s3.localhost.localstack.cloud");
        if (!pathStyle) return null;
        String path;
        try {
            path = URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!path.startsWith("/") || path.length() < 2) return null;
        String[] parts = path.substring(1).split("/", 2);
        String bucket = parts[0];
        if (bucket.isEmpty() || bucket.startsWith(".") || bucket.contains("\\")) return null;
        if (parts.length < 2 || parts[1].isEmpty()) return new Target(bucket, null);
        String key = parts[1].equals("/") ? SLASH_BLOB : parts[1];
        Path resolved = Path.of(bucket).resolve(key).normalize();
        if (resolved.getNameCount() < 2 || !resolved.startsWith(bucket)) return null;
        return new Target(bucket, resolved.toString());
    }

    private boolean versioned(String bucket) {
        var view = Files.getFileAttributeView(live.resolve(bucket), UserDefinedFileAttributeView.class);
        try {
            return view != null && view.list().stream().anyMatch(n -> n.contains("versioning"));
        } catch (IOException e) {
            return false;
        }
    }

    private void detachAll(String rel) throws IOException {
        Path dir = live.resolve(rel);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) storage.beforeInPlaceChange(live.relativize(f).toString());
        }
    }

    /** A bucket folder and, for object requests, the key's path, both relative to the store. */
    record Target(String bucket, String key) {
    }
}
