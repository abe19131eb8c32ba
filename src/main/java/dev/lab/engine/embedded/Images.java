package dev.lab.engine.embedded;

import dev.lab.compose.ImageRef;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import java.util.Optional;
import java.util.function.BiFunction;

/** The images the embedded engine can run, and the program each one starts. */
final class Images {
    private final String edition;
    private final HookScripts hooks;
    private final BiFunction<String, Integer, Optional<String>> resolver;
    private final DaemonFolders daemonFolders;

    Images(String edition, HookScripts hooks, BiFunction<String, Integer, Optional<String>> resolver, DaemonFolders daemonFolders) {
        this.edition = edition;
        this.hooks = hooks;
        this.resolver = resolver;
        this.daemonFolders = daemonFolders;
    }

    static boolean isLocalStack(String image) {
        return ImageRef.parse(image).isLocalStack();
    }

    static boolean isBlogService(String image) {
        return ImageRef.parse(image).repository().endsWith("blog-service");
    }

    void check(Service s) throws EngineException {
        if (!isLocalStack(s.image()) && !isBlogService(s.image())) {
            throw new EngineException("image " + s.image() + " (service " + s.name() + ") is not available on the embedded"
                    + " engine, which emulates localstack/localstack and portal-universe/blog-service; use --engine docker");
        }
    }

    /** The LocalStack image declares {@code VOLUME /var/lib/localstack}. */
    boolean declaresLocalStackVolume(Service s) { return isLocalStack(s.image()); }

    Runtime runtime(Container c) {
        if (isLocalStack(c.spec.image())) return new LocalStackRuntime(c, edition, hooks, daemonFolders);
        return new BlogServiceRuntime(c, resolver);
    }
}
