package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.ImageOverrides;
import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's side of {@link RemoteEngine}: one {@link Engine} call from its JSON. The compose file
 * is parsed here afresh from its path, so both sides see the file as it is on disk now.
 */
final class EngineCalls {
    private final Engine engine;

    EngineCalls(Engine engine) { this.engine = engine; }

    /** Runs the call and returns its result as JSON ({@code null} for void calls). */
    Object call(JsonNode request) throws EngineException {
        String method = request.path("method").asText();
        return switch (method) {
            case "name" -> engine.name();
            case "edition" -> engine.edition();
            case "reported" -> engine.reported().orElse(null);
            case "snapshots" -> engine.snapshots();
            case "saveState" -> { engine.saveState(request.path("name").asText(), Path.of(request.path("dir").asText())); yield null; }
            case "restoreState" -> { engine.restoreState(request.path("name").asText(), Path.of(request.path("dir").asText())); yield null; }
            case "purge" -> { engine.purge(request.path("name").asText()); yield null; }
            default -> withProject(method, request, project(request.path("project")));
        };
    }

    private Object withProject(String method, JsonNode request, Project p) throws EngineException {
        List<String> services = strings(request.path("services"));
        String id = request.path("id").asText();
        switch (method) {
            case "up" -> engine.up(p, services);
            case "down" -> engine.down(p, request.path("removeVolumes").asBoolean());
            case "removeOrphans" -> engine.removeOrphans(p);
            case "stop" -> engine.stop(p, services);
            case "start" -> engine.start(p, services);
            case "restart" -> engine.restart(p, services);
            case "containers" -> { return engine.containers(p); }
            case "container" -> { return engine.container(p, id).orElse(null); }
            case "volumes" -> { return engine.volumes(p); }
            case "logs" -> { return engine.logs(p, id); }
            default -> throw new IllegalArgumentException("the engine host knows no call " + method);
        }
        return null;
    }

    /** The JSON naming a project: what the host needs to rebuild it. */
    static ObjectNode ref(Project project, Map<String, String> images) {
        var node = Wire.object().put("name", project.name()).put("workdir", project.workdir().toString())
                .put("compose", project.compose().source().toAbsolutePath().toString());
        var map = node.putObject("images");
        images.forEach(map::put);
        return node;
    }

    static Project project(JsonNode ref) {
        var images = new LinkedHashMap<String, String>();
        ref.path("images").fields().forEachRemaining(e -> images.put(e.getKey(), e.getValue().asText()));
        var compose = ImageOverrides.apply(ComposeParser.parse(Path.of(ref.path("compose").asText())), images);
        return new Project(ref.path("name").asText(), Path.of(ref.path("workdir").asText()), compose);
    }

    static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
