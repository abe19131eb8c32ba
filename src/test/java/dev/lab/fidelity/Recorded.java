package dev.lab.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fidelity observations recorded on Docker with real LocalStack ({@code observations.tsv}:
 * scenario, observation, value, tab-separated), and the place a Docker run writes its own for
 * re-recording ({@code target/fidelity/observations.tsv}).
 */
final class Recorded {
    static final String FILE = "src/test/resources/dev/lab/fidelity/observations.tsv";
    static final Path OUT = Path.of("target/fidelity/observations.tsv");
    static final Map<String, Map<String, String>> TABLE = read();

    static {
        try {
            Files.deleteIfExists(OUT); // one recording per test run, appended to scenario by scenario
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Recorded() {}

    private static Map<String, Map<String, String>> read() {
        var table = new LinkedHashMap<String, Map<String, String>>();
        try (var in = Recorded.class.getResourceAsStream("observations.tsv")) {
            if (in == null) throw new IllegalStateException("missing " + FILE);
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 3) throw new IllegalStateException(FILE + ":" + n + ": expected 3 tab-separated columns");
                table.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** Appends a scenario's Docker observations to {@link #OUT}, in the table's format. */
    static synchronized void write(String scenario, Map<String, String> observed) {
        var s = new StringBuilder();
        observed.forEach((k, v) -> s.append(scenario).append('\t').append(k).append('\t').append(v).append('\n'));
        try {
            Files.createDirectories(OUT.getParent());
            Files.writeString(OUT, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
