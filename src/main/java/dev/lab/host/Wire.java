package dev.lab.host;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lab.compose.ComposeException;
import dev.lab.engine.EngineException;
import dev.lab.shell.ShellError;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON of the host's requests and replies, and failures carried across as the same exception types. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Wire() {}

    static ObjectNode object() { return JSON.createObjectNode(); }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(byte[] payload) throws IOException { return JSON.readTree(payload); }

    /** The reply for a failure: its type, as far as the other side can rebuild it, and its message. */
    static ObjectNode error(Throwable e) {
        String type = e instanceof EngineException ? "engine"
                : e instanceof IllegalArgumentException || e instanceof ComposeException ? "argument"
                : e instanceof ShellError ? "shell" : "state";
        var node = object().put("type", type);
        node.put("message", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return node;
    }

    /** The exception an error reply stands for; engine failures come back as {@link EngineException}. */
    static Exception rebuild(JsonNode error) {
        String message = error.path("message").asText();
        return switch (error.path("type").asText()) {
            case "engine" -> new EngineException(message);
            case "argument" -> new IllegalArgumentException(message);
            case "shell" -> new ShellError(message);
            default -> new IllegalStateException(message);
        };
    }
}
