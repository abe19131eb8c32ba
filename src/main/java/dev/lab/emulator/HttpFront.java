package dev.lab.emulator;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The container's published port: a Jetty server routing {@code /_localstack/*} to one run's
 * {@link AdminServlet} and everything else to its S3 servlet. A stopped run only unbinds the port
 * (its connections are cut, new ones refused, as for a stopped container) and parks the server, whose
 * threads and servlet context the next run, of this container or another, takes over: a restart then
 * costs a bind, not a Jetty start.
 */
final class HttpFront {
    private static final int MIN_THREADS = 4;
    private static final int MAX_THREADS = 64;
    private static final int INPUT_BUFFER_BYTES = 64 * 1024;
    /** Parked servers kept; each holds {@link #MIN_THREADS} idle daemon threads. */
    private static final int MAX_PARKED = 2;
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final Deque<HttpFront> PARKED = new ArrayDeque<>();

    private final Server server;
    private final ServerConnector connector;
    private final Route admin = new Route();
    private final Route s3 = new Route();

    private HttpFront() throws IOException {
        // Without this Jetty starts the JMX platform MBean server just to ask whether oops are compressed, a good
        // tenth of a cold start. 16 is the answer for any heap under 32 GB; a wrong guess only changes padding.
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName("localstack-http");
        pool.setReservedThreads(0);
        // A parked server must not hold the JVM at exit.
        pool.setDaemon(true);
        server = new Server(pool, new ScheduledExecutorScheduler("localstack-http-scheduler", true), null);
        // Requests in flight at stop are cut off, as when a container is killed; waiting would make restarts slow.
        server.setStopTimeout(0);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // S3 keys may hold anything, including "..", "//" and encoded slashes.
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setHttpCompliance(HttpCompliance.LEGACY);
        // Jetty would otherwise parse a form-encoded PUT body (curl -d) as parameters, and S3Proxy would store an
        // empty object.
        http.setFormEncodedMethods();
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        // Request bodies arrive in reads of this size: Jetty's 8 KiB made a 10 MiB PUT ~1,290 read calls,
        // each also a pass through the parser; 64 KiB makes it ~170 (issue 12, bench/peers.sh).
        factory.setInputBufferSize(INPUT_BUFFER_BYTES);
        // No acceptor thread: the selector accepts. A thread blocked in accept() keeps the socket bound after
        // close until it wakes, so a start right after a stop could find its own port taken (seen under load).
        connector = new ServerConnector(server, 0, 1, factory);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(holder("localstack", admin), "/_localstack/*");
        context.addServlet(holder("s3", s3), "/*");
        server.setHandler(context);
        try {
            // Jetty starts its connectors with the server: a free loopback port, released at once.
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.start();
            connector.stop();
        } catch (Exception e) {
            halt();
            throw new IOException("cannot start HTTP server", e);
        }
    }

    private static ServletHolder holder(String name, Route route) {
        ServletHolder holder = new ServletHolder(name, route);
        holder.setInitOrder(0);
        return holder;
    }

    /**
     * Serves {@code admin} and {@code s3} on {@code host:port} (0: any free port), on a parked server when
     * there is one; the servlets are initialised here and destroyed by {@link #close}.
     *
     * @throws PortInUseException when the address is taken; the server is parked again
     */
    static HttpFront open(String host, int port, HttpServlet admin, HttpServlet s3) throws IOException {
        HttpFront front;
        synchronized (PARKED) {
            front = PARKED.pollFirst();
        }
        if (front == null) front = new HttpFront();
        front.connector.setHost(host);
        front.connector.setPort(port);
        try {
            front.admin.attach(admin);
            front.s3.attach(s3);
            front.connector.start();
            return front;
        } catch (Exception e) {
            front.close();
            if (isBindFailure(e)) throw new PortInUseException(host, port, e);
            throw e instanceof IOException io ? io : new IOException("cannot start HTTP server", e);
        }
    }

    /** The bound port. */
    int localPort() {
        return connector.getLocalPort();
    }

    /** Unbinds at once (in-flight requests are aborted), destroys the run's servlets, and parks the server. */
    void close() {
        try {
            connector.stop();
        } catch (Exception e) {
            // Stopping a half-started connector can fail; its port is released regardless.
        }
        admin.detach();
        s3.detach();
        synchronized (PARKED) {
            if (PARKED.size() < MAX_PARKED) {
                PARKED.addFirst(this);
                return;
            }
        }
        halt();
    }

    /** Stops every parked server, so no HTTP thread is left (an engine closing). */
    static void releaseParked() {
        while (true) {
            HttpFront front;
            synchronized (PARKED) {
                front = PARKED.pollFirst();
            }
            if (front == null) return;
            front.halt();
        }
    }

    private void halt() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a half-started server can fail; its port is released regardless.
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
        }
        return false;
    }
}
