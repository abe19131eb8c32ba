package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an engine host serves: the engine, the edition profile it was started with, and the
 * {@code --image} overrides. A client asking for anything else gets a one-line mismatch.
 *
 * @param engine  {@code embedded} or {@code docker}
 * @param edition {@code community-4.14} or {@code pro}, as asked (the docker engine may report another later)
 * @param images  service or {@code localstack} → image
 */
public record HostIdentity(String engine, String edition, Map<String, String> images) {
    public HostIdentity {
        images = Map.copyOf(images);
    }

    static HostIdentity from(JsonNode node) {
        var images = new TreeMap<String, String>();
        node.path("images").fields().forEachRemaining(e -> images.put(e.getKey(), e.getValue().asText()));
        return new HostIdentity(node.path("engine").asText(), node.path("edition").asText(), images);
    }

    /** The hello a client sends; {@link #from} reads it (by hand both ways: a record's first serialisation costs ~15 ms). */
    com.fasterxml.jackson.databind.node.ObjectNode json() {
        var node = Wire.object().put("engine", engine).put("edition", edition);
        var map = node.putObject("images");
        new TreeMap<>(images).forEach(map::put);
        return node;
    }

    /** Returns this host's pid when {@code asked} matches it. */
    Object check(HostIdentity asked) {
        if (!equals(asked)) {
            throw new IllegalStateException("the engine host (pid " + ProcessHandle.current().pid() + ") runs " + describe()
                    + ", not " + asked.describe() + "; stop it with `lab engine stop` first");
        }
        return ProcessHandle.current().pid();
    }

    /** {@code embedded engine, edition community-4.14[, images a=b]}. */
    public String describe() {
        return engine + " engine, edition " + edition + (images.isEmpty() ? "" : ", images " + new TreeMap<>(images));
    }
}
