package dev.lab.engine.embedded;

import dev.lab.compose.Healthcheck;
import dev.lab.compose.ImageRef;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import java.time.Duration;
import java.util.List;
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

    static boolean isAwsCli(String image) {
        return ImageRef.parse(image).repository().endsWith("amazon/aws-cli");
    }

    /** Whether the container runs a one-shot command instead of its image's server. */
    static boolean runsCommand(Service s) {
        return s.run().overridesImage() || isAwsCli(s.image());
    }

    void check(Service s, java.util.List<dev.lab.engine.MountInfo> binds) throws EngineException {
        if (!isLocalStack(s.image()) && !isBlogService(s.image()) && !isAwsCli(s.image())) {
            throw new EngineException("image " + s.image() + " (service " + s.name() + ") is not available on the embedded"
                    + " engine, which emulates localstack/localstack, amazon/aws-cli and portal-universe/blog-service;"
                    + " use --engine docker");
        }
        if (runsCommand(s)) CommandRuntime.argv(s, binds);
    }

    /** The LocalStack image's {@code HEALTHCHECK}, as images/localstack/build.sh (and the real image) declares it. */
    static final Healthcheck LOCALSTACK_HEALTHCHECK = new Healthcheck(List.of("CMD-SHELL",
            "curl -fsS http://localhost:4566/_localstack/health >/dev/null || exit 1"), Duration.ofSeconds(10),
            Duration.ofSeconds(10), 5, Duration.ofSeconds(15));

    /** The container's check: the service's {@code healthcheck} over its image's, as the daemon merges them. */
    static Healthcheck healthcheck(Service s) {
        return Healthcheck.effective(isLocalStack(s.image()) ? LOCALSTACK_HEALTHCHECK : null, s.healthcheck());
    }

    /** The LocalStack image declares {@code VOLUME /var/lib/localstack}. */
    boolean declaresLocalStackVolume(Service s) { return isLocalStack(s.image()); }

    /** The hook runner, which also runs one-shot commands and healthchecks in the container's sandbox. */
    HookScripts hooks() { return hooks; }

    Runtime runtime(Container c, java.util.function.Supplier<String> endpoint, java.util.function.IntConsumer exited) {
        if (runsCommand(c.spec)) return new CommandRuntime(c, hooks, endpoint, exited);
        if (isLocalStack(c.spec.image())) return new LocalStackRuntime(c, edition, hooks, daemonFolders);
        return new BlogServiceRuntime(c, resolver);
    }
}
