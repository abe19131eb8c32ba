package dev.lab.emulator;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The container's published port: one Jetty server routing
 * {@code /_localstack/*} to {@link AdminServlet} and everything else to S3.
 */
final class HttpFront {
    private static final int MIN_THREADS = 4;
    private static final int MAX_THREADS = 64;
    private static final int INPUT_BUFFER_BYTES = 64 * 1024;
    private static final String REFERENCES_PER_CACHE_LINE =
            "org.eclipse.jetty.util.referencesPerCacheLine";

    private HttpFront() {
    }

    /**
     * Binds and starts a server; on failure nothing is left running.
     *
     * @throws PortInUseException when the address is taken
     */
    static Server start(String host, int port, HttpServlet admin, HttpServlet s3)
            throws IOException {
        // Without this Jetty starts the JMX platform MBean server just to ask
        // whether oops are compressed, a good tenth of a cold start. 16 is the
        // answer for any heap under 32 GB; a wrong guess only changes padding.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName("localstack-http");
        pool.setReservedThreads(0);
        Server server = new Server(pool);
        // Requests in flight at stop are cut off, as when a container is killed;
        // waiting for them would make restarts slow.
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // S3 keys may hold anything, including "..", "//" and encoded slashes.
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setHttpCompliance(HttpCompliance.LEGACY);
        // Jetty would otherwise parse a form-encoded PUT body (curl -d) as
        // parameters, and S3Proxy would store an empty object.
        http.setFormEncodedMethods();
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        // Request bodies arrive in reads of this size: Jetty's 8 KiB made a 10 MiB PUT ~1,290 read calls,
        // each also a pass through the parser; 64 KiB makes it ~170 (issue 12, bench/peers.sh).
        factory.setInputBufferSize(INPUT_BUFFER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, factory);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder("localstack", admin), "/_localstack/*");
        context.addServlet(new ServletHolder("s3", s3), "/*");
        server.setHandler(context);
        try {
            server.start();
            return server;
        } catch (Exception e) {
            stop(server);
            if (isBindFailure(e)) {
                throw new PortInUseException(host, port, e);
            }
            throw e instanceof IOException io ? io : new IOException("cannot start HTTP server", e);
        }
    }

    /** Unbinds at once; in-flight requests are aborted. */
    static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a half-started server can fail; its port is released regardless.
        }
    }

    static int localPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
