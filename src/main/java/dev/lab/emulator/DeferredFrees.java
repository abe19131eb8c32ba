package dev.lab.emulator;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Moves the freeing of a replaced or deleted object's blocks off the request path. S3Proxy replaces an
 * object by rename(2) and deletes it by unlink(2); when that drops the last reference to a large file the
 * kernel frees its pages inside the call (~10 ms for a freshly written 10 MiB object, a fifth of the PUT,
 * issue 12). Holding the old file open across the request moves the last reference to the close, which runs
 * on a background thread while the client prepares its next request. Nothing changes on disk or in answers.
 */
final class DeferredFrees {
    /** Below this the kernel frees a file in well under a millisecond: not worth a descriptor and a hand-off. */
    static final long MIN_BYTES = 1 << 20;

    private final Path live;
    private ExecutorService closer;

    DeferredFrees(Path live) {
        this.live = live;
    }

    /**
     * Before S3Proxy runs a request that may replace or delete a key: opens the key's file when it is a
     * large regular file, for {@link #release}; otherwise returns null.
     */
    FileChannel hold(HttpServletRequest request) {
        S3Changes.Target target = S3Changes.target(request);
        if (target == null || target.key() == null) return null;
        Path file = live.resolve(target.key());
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || attributes.size() < MIN_BYTES) return null;
            return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;   // no such key (yet): nothing to defer
        }
    }

    /** After the request: closes what {@link #hold} opened, on the background thread. */
    void release(FileChannel held) {
        if (held == null) return;
        synchronized (this) {
            if (closer == null) {
                closer = Executors.newSingleThreadExecutor(r -> {
                    Thread thread = new Thread(r, "localstack-s3-free");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            closer.execute(() -> closeQuietly(held));
        }
    }

    /** Closes what is still held, after the server stopped taking requests. */
    synchronized void shutdown() {
        if (closer != null) {
            closer.shutdown();
            closer = null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // A read-only descriptor: closing cannot lose data.
        }
    }
}
