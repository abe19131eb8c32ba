package dev.lab.emulator;

import dev.lab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The init hook scripts of one container run and their progress, as reported
 * by {@code /_localstack/init}. Scripts of a stage run in name order and a
 * failing one does not stop the rest, as in LocalStack.
 */
final class InitHooks {
    private static final String CONTAINER_ROOT = "/etc/localstack/init/";

    private final List<Script> scripts = new ArrayList<>();
    private final Map<Stage, Boolean> completed = new EnumMap<>(Stage.class);
    private final HookRunner runner;
    private final ContainerLog log;

    InitHooks(LocalStackConfig config, HookRunner runner, ContainerLog log) throws IOException {
        this.runner = runner;
        this.log = log;
        for (Stage stage : Stage.values()) {
            completed.put(stage, false);
            Path dir = config.initDirs().get(stage.folder());
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".sh"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .forEach(f -> scripts.add(new Script(stage, f)));
                }
            }
        }
    }

    /** Runs every script of {@code stage} in order, then marks the stage completed. */
    void run(Stage stage) {
        for (Script script : scripts) {
            if (script.stage == stage) {
                runOne(script);
            }
        }
        synchronized (this) {
            completed.put(stage, true);
        }
    }

    private void runOne(Script script) {
        String containerPath = CONTAINER_ROOT + script.stage.folder() + "/" + script.name();
        script.state = "RUNNING";
        log.info("localstack.runtime.init", "Running " + script.stage + " script " + containerPath);
        try {
            int code = runner.run(script.path, log::line);
            script.state = code == 0 ? "SUCCESSFUL" : "ERROR";
            if (code != 0) {
                log.error("localstack.runtime.init", "Error while running script "
                        + containerPath + ": exit code " + code);
            }
        } catch (Exception e) {
            script.state = "ERROR";
            log.error("localstack.runtime.init", "Error while running script "
                    + containerPath + ": " + e);
        }
    }

    /** The document for {@code GET /_localstack/init}. */
    synchronized String toJson() {
        Map<String, String> flags = new LinkedHashMap<>();
        completed.forEach((stage, done) -> flags.put(stage.name(), done.toString()));
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("completed", Json.object(flags));
        doc.put("scripts", scriptsJson(null));
        return Json.object(doc);
    }

    /** The document for {@code GET /_localstack/init/<stage>}. */
    synchronized String toJson(Stage stage) {
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("completed", completed.get(stage).toString());
        doc.put("scripts", scriptsJson(stage));
        return Json.object(doc);
    }

    private String scriptsJson(Stage only) {
        List<String> items = new ArrayList<>();
        for (Script script : scripts) {
            if (only == null || script.stage == only) {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("stage", Json.string(script.stage.name()));
                item.put("name", Json.string(script.name()));
                item.put("state", Json.string(script.state));
                items.add(Json.object(item));
            }
        }
        return Json.array(items);
    }

    private static final class Script {
        final Stage stage;
        final Path path;
        volatile String state = "UNKNOWN";

        Script(Stage stage, Path path) {
            this.stage = stage;
            this.path = path;
        }

        String name() {
            return path.getFileName().toString();
        }
    }
}
