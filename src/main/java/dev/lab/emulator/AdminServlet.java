package dev.lab.emulator;

import dev.lab.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * LocalStack's own endpoints under {@code /_localstack}: {@code health}, {@code info},
 * {@code init[/<stage>]}, and Pro's {@code state/save} and {@code state/load}.
 */
final class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient LocalStackConfig config;
    private final transient ServiceHealth health;
    private final transient InitHooks hooks;
    private final transient S3Storage storage;
    private final transient PersistencePolicy policy;
    private final transient RunInfo info;

    AdminServlet(LocalStackConfig config, ServiceHealth health, InitHooks hooks,
            S3Storage storage, PersistencePolicy policy) {
        this.config = config;
        this.health = health;
        this.hooks = hooks;
        this.storage = storage;
        this.policy = policy;
        this.info = new RunInfo(config);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/health") && read) {
            send(response, 200, health.toJson());
        } else if (path.equals("/info") && read) {
            send(response, 200, info.toJson());
        } else if (path.equals("/init") && read) {
            send(response, 200, hooks.toJson());
        } else if (path.startsWith("/init/") && read) {
            Optional<Stage> stage = Stage.parse(path.substring("/init/".length()));
            if (stage.isPresent()) {
                send(response, 200, hooks.toJson(stage.get()));
            } else {
                sendError(response, 404, "Not Found");
            }
        } else if (path.equals("/state/save") || path.equals("/state/load")) {
            state(method, path.endsWith("save"), response);
        } else {
            sendError(response, 404, "Not Found");
        }
    }

    private void state(String method, boolean save, HttpServletResponse response)
            throws IOException {
        if (!config.pro()) {
            // The state endpoints belong to Pro; Community does not route them.
            sendError(response, 404, "Not Found");
        } else if (!method.equals("POST")) {
            sendError(response, 405, "Method Not Allowed");
        } else if (!policy.enabled()) {
            sendError(response, 400, "persistence is not enabled, set PERSISTENCE=1");
        } else {
            try {
                if (save) {
                    storage.save();
                } else {
                    storage.load();
                }
                send(response, 200, "{\"service\": \"s3\", \"status\": \"ok\"}");
            } catch (IOException e) {
                sendError(response, 500, "could not " + (save ? "save" : "load")
                        + " state of service s3: " + e.getMessage());
            }
        }
    }

    private static void sendError(HttpServletResponse response, int status, String message)
            throws IOException {
        send(response, status, "{\"error\": " + Json.string(message) + "}");
    }

    private static void send(HttpServletResponse response, int status, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
