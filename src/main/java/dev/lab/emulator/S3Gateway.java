package dev.lab.emulator;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Everything outside {@code /_localstack}: S3Proxy's servlet (other services get
 * {@link OtherServices}' 501), plus what
 * LocalStack does around it — the service counts as running once used,
 * error documents name the missing bucket or key, state changes are
 * reported to {@link S3Storage} for persistence, and replaced objects are
 * freed off the request path ({@link DeferredFrees}).
 */
final class S3Gateway extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> CHANGING_METHODS = Set.of("PUT", "POST", "DELETE");

    private final transient Future<HttpServlet> pending;
    private transient volatile HttpServlet s3proxy;
    private final transient ServiceHealth health;
    private final transient S3Changes changes;
    private final transient DeferredFrees frees;
    private final transient ContainerLog log;

    S3Gateway(Future<HttpServlet> s3proxy, ServiceHealth health, S3Changes changes, DeferredFrees frees,
            ContainerLog log) {
        this.pending = s3proxy;
        this.health = health;
        this.changes = changes;
        this.frees = frees;
        this.log = log;
    }

    /** S3Proxy's servlet, shared with the other runs over the same folder: initialised once, never destroyed. */
    private HttpServlet s3proxy() throws ServletException {
        HttpServlet servlet = s3proxy;
        if (servlet != null) return servlet;
        try {
            servlet = pending.get();
        } catch (ExecutionException e) {
            throw new ServletException("S3Proxy could not be set up", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("interrupted while waiting for S3Proxy", e);
        }
        synchronized (servlet) {
            if (servlet.getServletConfig() == null) servlet.init(getServletConfig());
        }
        s3proxy = servlet;
        return servlet;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (health.isShuttingDown()) {
            // Observed on LocalStack 4.14: while SHUTDOWN hooks run, S3 requests get 503, so a shutdown.d script
            // cannot read the buckets any more.
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/xml");
            try (PrintWriter out = response.getWriter()) {
                out.write("<?xml version='1.0' encoding='utf-8'?>\n<Error><Code>ServiceUnavailable</Code>"
                        + "<Message>LocalStack is shutting down</Message></Error>");
            }
            return;
        }
        String service = OtherServices.target(request);
        if (!service.equals(ServiceHealth.PROVIDED) || !health.enabled(service)) {
            boolean enabled = health.enabled(service);
            if (enabled) {
                log.warn("localstack.request.aws", "lab's embedded engine provides S3 only; " + service
                        + " needs --engine docker");
            }
            OtherServices.refuse(request, response, service, OtherServices.message(service, enabled));
            return;
        }
        health.s3Used();
        boolean changing = CHANGING_METHODS.contains(request.getMethod());
        if (changing) changes.before(request);
        FileChannel held = changing ? frees.hold(request) : null;
        ErrorCapturingResponse capturing = new ErrorCapturingResponse(response);
        try {
            s3proxy().service(request, capturing);
        } finally {
            frees.release(held);
        }
        String error = capturing.capturedBody();
        if (error != null) {
            try (PrintWriter out = response.getWriter()) {
                out.write(S3ErrorDocuments.enrich(error, request.getRequestURI()));
            }
        }
        if (changing && response.getStatus() < 400) {
            changes.after(request);
        }
    }

    // The S3Proxy servlet is shared by every run of the live folder (S3ProxyLoader): only this run's own part goes.
    @Override
    public void destroy() {
        frees.shutdown();
        super.destroy();
    }
}
