package dev.lab.engine;

import dev.lab.compose.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's environment as Compose builds it: the {@code env_file}s in order, then {@code environment}
 * over them; a bare {@code KEY} takes the runner's own value or is left out.
 */
public final class Environments {
    private Environments() {}

    /** @throws EngineException naming the env file that is missing or has a bad line ({@code file:line}) */
    public static Map<String, String> of(Project project, Service s) throws EngineException {
        var env = new LinkedHashMap<String, String>();
        for (String name : s.run().envFiles()) env.putAll(read(project.workdir(), name));
        s.environment().forEach((k, v) -> {
            String value = v != null ? v : System.getenv(k);
            if (value != null) env.put(k, value);
            else env.remove(k);
        });
        return env;
    }

    private static Map<String, String> read(Path workdir, String name) throws EngineException {
        Path file = workdir.resolve(name).normalize();
        if (!file.startsWith(workdir)) {
            throw new EngineException("env file " + name + " is outside the lab workspace " + workdir);
        }
        List<String> lines;
        try {
            // A link inside the workspace may point anywhere: read only what really is in it.
            if (!file.toRealPath().startsWith(workdir.toRealPath())) {
                throw new EngineException("env file " + name + " is outside the lab workspace " + workdir);
            }
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new EngineException("env file " + file + " not found: " + e.getMessage(), e);
        }
        var out = new LinkedHashMap<String, String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new EngineException(file + ":" + (i + 1) + ": invalid variable name '" + key + "' in env file");
            }
            if (eq < 0) {
                String value = System.getenv(key);
                if (value != null) out.put(key, value);
                continue;
            }
            out.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            String body = v.substring(1, v.length() - 1);
            return v.startsWith("\"") ? body.replace("\\n", "\n").replace("\\\"", "\"") : body;
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}
