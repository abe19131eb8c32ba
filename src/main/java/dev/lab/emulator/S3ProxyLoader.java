package dev.lab.emulator;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.gaul.s3proxy.S3ProxyServlets;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Builds S3Proxy's servlet over a live folder, once per folder in this process: it holds no request
 * state and the folder never moves, so every run of the same container reuses it. The build runs on
 * its own thread because loading S3Proxy's classes (Jackson, Guava, a very large handler class) is
 * most of a cold start and can overlap with starting Jetty and running the early init hooks.
 */
final class S3ProxyLoader {
    /** Loaders of the most recently used folders (a removed container's folder is never used again). */
    private static final Map<Path, S3ProxyLoader> LOADERS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, S3ProxyLoader> eldest) {
            return size() > 8;
        }
    };

    private final Path live;
    private Future<HttpServlet> servlet;

    private S3ProxyLoader(Path live) {
        this.live = live;
    }

    /** The loader of the live folder {@code live}, shared by every run that serves it. */
    static S3ProxyLoader of(Path live) {
        synchronized (LOADERS) {
            return LOADERS.computeIfAbsent(live.toAbsolutePath().normalize(), S3ProxyLoader::new);
        }
    }

    /** The servlet, possibly still being built; starts building on first call. */
    synchronized Future<HttpServlet> servlet() {
        if (servlet == null) {
            FutureTask<HttpServlet> task = new FutureTask<>(() ->
                    S3ProxyServlets.anonymous(new FilesystemNio2BlobStore(live.toString())));
            Thread loader = new Thread(task, "localstack-s3-init");
            loader.setDaemon(true);
            loader.start();
            servlet = task;
        }
        return servlet;
    }

    /** Waits until the servlet is built; a failed build is retried at the next start. */
    void await() throws IOException {
        Future<HttpServlet> pending = servlet();
        try {
            pending.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                servlet = null;
            }
            throw new IOException("cannot set up S3", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up S3", e);
        }
    }
}
