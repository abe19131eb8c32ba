package dev.lab.emulator;

import dev.lab.json.Json;
import dev.lab.source.StateFileException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The host folder mounted at {@code /var/lib/localstack}: LocalStack's fixed
 * layout, its infra log and the start-up record it appends to on every boot.
 */
final class Volume {
    private static final List<String> LAYOUT = List.of("cache", "lib", "logs", "state", "tmp");

    private final Path root;

    Volume(Path root) {
        this.root = root;
    }

    /** Creates {@code cache lib logs state tmp}; existing content is kept. */
    void prepare() throws IOException {
        for (String dir : LAYOUT) {
            Files.createDirectories(root.resolve(dir));
        }
    }

    Path infraLog() {
        return root.resolve("logs").resolve("localstack_infra.log");
    }

    /** Where Pro keeps its S3 snapshot. */
    Path s3Snapshot() {
        return root.resolve("state").resolve("s3");
    }

    /**
     * Appends this boot to {@code state/startup_info.json}, a JSON list that
     * LocalStack extends on each start.
     *
     * @throws StateFileException when the file is there but is not a JSON list
     */
    void recordStartup(LocalStackConfig config) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("timestamp", Json.string(LocalDateTime.now().toString()));
        info.put("localstack_version", Json.string(LocalStackConfig.VERSION));
        info.put("localstack_ext_version",
                config.pro() ? Json.string(LocalStackConfig.VERSION) : "null");
        info.put("pro_activated", Boolean.toString(config.pro()));
        String entry = Json.object(info);

        Path file = root.resolve("state").resolve("startup_info.json");
        String existing = Files.exists(file) ? read(file).trim() : "";
        String inner = existing.isEmpty() ? "" : existing.substring(1, existing.length() - 1).trim();
        String updated = inner.isEmpty() ? "[" + entry + "]" : "[" + inner + ", " + entry + "]";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    /** The file's text, checked to be a JSON list (YAML 1.2 reads JSON, and snakeyaml-engine is at hand). */
    private static String read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (CharacterCodingException e) {
            throw garbled(file, "binary");
        }
        if (text.isEmpty()) return text;
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw garbled(file, "not JSON");
        }
        if (!(doc instanceof List) || !text.startsWith("[") || !text.endsWith("]")) throw garbled(file, "not a JSON list");
        return text;
    }

    private static StateFileException garbled(Path file, String why) {
        return new StateFileException(file, "LocalStack cannot read its start-up record (" + why
                + "); delete the file, or `reset all` in the lab");
    }
}
