package dev.lab.session;

import dev.lab.engine.Engine;
import dev.lab.engine.EngineException;
import dev.lab.engine.docker.DockerEngine;
import dev.lab.engine.embedded.EmbeddedEngine;
import dev.lab.engine.embedded.HookScripts;
import dev.lab.hooks.HookEnvironment;
import dev.lab.hooks.InitScripts;
import java.nio.file.Path;

/** Opens the engine a command asked for; the one place that knows both implementations. */
public final class Engines {
    private Engines() {}

    /** The edition profiles the engines know, or an error naming the bad one. */
    public static void requireEdition(String edition) {
        if (!edition.equals("pro") && !edition.equals("community-4.14")) {
            throw new IllegalArgumentException("--edition must be pro or community-4.14, not " + edition);
        }
    }

    /**
     * @param name         {@code embedded} or {@code docker}
     * @param edition      {@code community-4.14} or {@code pro} (the docker engine replaces it with what LocalStack reports)
     * @param embeddedRoot where the embedded engine keeps its volumes and containers
     */
    public static Engine open(String name, String edition, Path embeddedRoot) throws EngineException {
        return open(name, edition, embeddedRoot, InitScripts.of(HookEnvironment.none()));
    }

    /**
     * As {@link #open(String, String, Path)}, with the embedded engine's LocalStack init hooks run by
     * {@code hooks} (e.g. {@link InitScripts#of(HookEnvironment)} with the lab's commands on their PATH).
     */
    public static Engine open(String name, String edition, Path embeddedRoot, HookScripts hooks) throws EngineException {
        requireEdition(edition);
        return switch (name) {
            case "embedded" -> new EmbeddedEngine(embeddedRoot, edition, hooks);
            case "docker" -> new DockerEngine(edition);
            default -> throw new IllegalArgumentException("--engine must be embedded or docker, not " + name);
        };
    }
}
