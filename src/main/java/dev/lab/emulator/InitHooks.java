package dev.lab.emulator;

import dev.lab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The init hook scripts of one container run and their progress, as reported by
 * {@code /_localstack/init}. Follows LocalStack 4.14's {@code localstack/runtime/init.py}: a stage
 * folder is walked as {@code os.walk} does (files by name, then sub-folders by name), only
 * {@code .sh} and {@code .py} files count, a failing script is {@code ERROR} and does not stop the
 * rest, and the failure is logged in LocalStack's words.
 */
final class InitHooks {
    private static final String CONTAINER_ROOT = "/etc/localstack/init/";
    private static final String LOGGER = "localstack.runtime.init";

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
                walk(stage, dir, CONTAINER_ROOT + stage.folder());
            }
        }
    }

    private void walk(Stage stage, Path dir, String containerDir) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        for (Path f : entries) {
            String name = f.getFileName().toString();
            if (!Files.isDirectory(f) && Files.isRegularFile(f) && (name.endsWith(".sh") || name.endsWith(".py"))) {
                scripts.add(new Script(stage, f, containerDir + "/" + name));
            }
        }
        for (Path d : entries) {
            // os.walk lists a link to a folder but does not descend into it.
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                walk(stage, d, containerDir + "/" + d.getFileName());
            }
        }
    }

    /** Whether {@code stage} has any script to run. */
    boolean has(Stage stage) {
        return scripts.stream().anyMatch(s -> s.stage == stage);
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
        String failure;
        boolean boot = script.stage == Stage.BOOT;
        if (!boot) {
            script.state = "RUNNING";
        }
        try {
            int code = runner.run(script.path, script.containerPath, log::line);
            failure = code == 0 ? null
                    : "Script " + script.containerPath + " returned a non-zero exit code " + code;
        } catch (Exception e) {
            failure = String.valueOf(e.getMessage());
        }
        if (!boot) {
            // The entrypoint runs BOOT in a python process of its own: the runtime, a later
            // process, never learns how BOOT scripts went and reports them UNKNOWN.
            script.state = failure == null ? "SUCCESSFUL" : "ERROR";
        }
        if (failure != null) {
            String message = "Error while running script Script(path='" + script.containerPath + "', stage="
                    + script.stage + ", state=ERROR): " + failure;
            if (boot) {
                // That process has no logging set up: Python's last-resort handler prints the bare message.
                log.line(message);
            } else {
                log.log(thread(script.stage), "ERROR", LOGGER, message);
            }
        }
    }

    /** The thread LocalStack runs a stage's hooks on (observed on 4.14.0). */
    private static String thread(Stage stage) {
        return switch (stage) {
            case READY -> "Thread-1 (_run_ready_monitor)";
            case SHUTDOWN -> "Runtime-Shutdown";
            default -> "MainThread";
        };
    }

    /** Which stages completed and each script's state, keyed {@code stage.<STAGE>} and {@code script.<container path>}. */
    synchronized Map<String, String> states() {
        Map<String, String> out = new LinkedHashMap<>();
        completed.forEach((stage, done) -> out.put("stage." + stage.name(), done.toString()));
        for (Script script : scripts) out.put("script." + script.containerPath, script.state);
        return out;
    }

    /** Takes back what {@link #states()} returned, as if the stages had run again with those outcomes. */
    synchronized void restore(Map<String, String> states) {
        for (Stage stage : Stage.values()) completed.put(stage, Boolean.parseBoolean(states.get("stage." + stage.name())));
        for (Script script : scripts) script.state = states.getOrDefault("script." + script.containerPath, "UNKNOWN");
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
                item.put("name", Json.string(script.path.getFileName().toString()));
                item.put("state", Json.string(script.state));
                items.add(Json.object(item));
            }
        }
        return Json.array(items);
    }

    private static final class Script {
        final Stage stage;
        final Path path;
        final String containerPath;
        volatile String state = "UNKNOWN";

        Script(Stage stage, Path path, String containerPath) {
            this.stage = stage;
            this.path = path;
            this.containerPath = containerPath;
        }
    }
}
