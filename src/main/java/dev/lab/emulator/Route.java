package dev.lab.emulator;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A servlet slot of {@link HttpFront} whose servlet changes with each run. */
final class Route extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private transient volatile HttpServlet target;

    void attach(HttpServlet servlet) throws ServletException {
        servlet.init(getServletConfig());
        target = servlet;
    }

    void detach() {
        HttpServlet old = target;
        target = null;
        if (old != null) old.destroy();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpServlet servlet = target;
        if (servlet == null) {
            // Only a request accepted just before the port closed gets here.
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        servlet.service(request, response);
    }
}
