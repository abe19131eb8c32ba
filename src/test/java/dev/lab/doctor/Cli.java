package dev.lab.doctor;

import dev.lab.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Runs {@code lab} in process through {@link Main#execute}, capturing what it prints. */
final class Cli {
    private Cli() {}

    record Result(int code, String out, String err) {
        /** The output read as JSON (YAML 1.2 is a superset of JSON, and snakeyaml-engine is already on the path). */
        Object json() {
            return new Load(LoadSettings.builder().build()).loadFromString(out);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jsonArray() {
            return (List<Map<String, Object>>) json();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> jsonObject() {
            return (Map<String, Object>) json();
        }
    }

    static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
