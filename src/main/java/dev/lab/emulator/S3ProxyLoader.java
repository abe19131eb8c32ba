package dev.lab.emulator;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.gaul.s3proxy.S3ProxyServlets;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * Builds S3Proxy's servlet over the live folder, once per emulator: it holds
 * no request state and its folder never moves, so restarts reuse it. The build
 * runs on its own thread because loading S3Proxy's classes (Jackson, Guava,
 * a very large handler class) is most of a cold start and can overlap with
 * starting Jetty and running the early init hooks.
 */
final class S3ProxyLoader {
    private final Path live;
    private Future<HttpServlet> servlet;

    S3ProxyLoader(Path live) {
        this.live = live;
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
