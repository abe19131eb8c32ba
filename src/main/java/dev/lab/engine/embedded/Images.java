package dev.lab.engine.embedded;

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
        return repository(image).equals("localstack/localstack") || repository(image).equals("localstack/localstack-pro");
    }

    static boolean isBlogService(String image) {
        return repository(image).endsWith("blog-service");
    }

    /** The image reference without its tag or digest. */
    static String repository(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(0, colon) : ref;
    }

    /** The tag, {@code latest} when none. */
    static String tag(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? ref.substring(colon + 1) : "latest";
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
