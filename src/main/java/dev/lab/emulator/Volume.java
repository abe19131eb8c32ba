package dev.lab.emulator;

import dev.lab.json.Json;
import dev.lab.source.StateFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
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

    /** Start-up records this process wrote last, by path: their stamp (see {@link #appendToOwn}). */
    private static final Map<Path, Object> WRITTEN = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Object> eldest) {
            return size() > 64;
        }
    };

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
        if (appendToOwn(file, entry)) return;
        String existing = Files.exists(file) ? read(file).trim() : "";
        String inner = existing.isEmpty() ? "" : existing.substring(1, existing.length() - 1).trim();
        String updated = inner.isEmpty() ? "[" + entry + "]" : "[" + inner + ", " + entry + "]";
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        remember(file);
    }

    /**
     * Appends in place when the file is exactly what this process last wrote (same inode, size and
     * modification time, last bytes), so it need not be read and checked again: a start then costs O(1), however
     * many starts the record already holds.
     */
    private static boolean appendToOwn(Path file, String entry) throws IOException {
        Object wrote;
        synchronized (WRITTEN) {
            wrote = WRITTEN.get(file.toAbsolutePath());
        }
        if (wrote == null || !wrote.equals(stamp(file))) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long end = ch.size() - 1;
            ch.write(ByteBuffer.wrap((", " + entry + "]").getBytes(StandardCharsets.UTF_8)), end);
        }
        remember(file);
        return true;
    }

    private static void remember(Path file) throws IOException {
        synchronized (WRITTEN) {
            WRITTEN.put(file.toAbsolutePath(), stamp(file));
        }
    }

    /** Inode, size, modification time and the last bytes (an edit within the clock's tick keeps the time). */
    private static List<Object> stamp(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(a.size(), 64));
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ch.read(tail, a.size() - tail.capacity());
            }
            return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    tail.flip());
        } catch (NoSuchFileException e) {
            return List.of();
        }
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
