package dev.lab.engine.embedded;

import dev.lab.app.BlogService;
import dev.lab.compose.PortMapping;
import dev.lab.engine.EngineException;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;

/** The program of the tutorial's {@code blog-service} image, with its S3 endpoint resolved on the compose network. */
final class BlogServiceRuntime implements Runtime {
    static final int PORT = 8081;

    private final Container c;
    private final BiFunction<String, Integer, Optional<String>> resolver;
    private BlogService app;

    BlogServiceRuntime(Container c, BiFunction<String, Integer, Optional<String>> resolver) {
        this.c = c;
        this.resolver = resolver;
    }

    @Override
    public void start() throws EngineException {
        var env = c.env();
        URI endpoint = URI.create(env.getOrDefault("AWS_S3_ENDPOINT", "http://localstack:4566"));
        int port = endpoint.getPort() < 0 ? 80 : endpoint.getPort();
        String reachable = resolver.apply(endpoint.getHost(), port).map(hp -> "http://" + hp).orElse(endpoint.toString());
        String bucket = env.getOrDefault("AWS_S3_BUCKET_NAME", "portal-blog-uploads");
        String publicBase = env.getOrDefault("FILE_PUBLIC_BASE_URL", "http://localhost:4566");
        int hostPort = c.spec.ports().stream().filter(p -> p.containerPort() == PORT).mapToInt(PortMapping::hostPort)
                .findFirst().orElse(0);
        app = new BlogService(URI.create(reachable), bucket, publicBase, c.log::add);
        try {
            app.start("127.0.0.1", hostPort);
        } catch (BindException e) {
            app = null;
            throw new EngineException("port " + hostPort + " is already in use on 127.0.0.1 (published by service "
                    + c.spec.name() + "); stop what listens there or change the service's `ports:` mapping", e);
        } catch (IOException e) {
            app = null;
            throw new EngineException("blog-service failed to start: " + e.getMessage(), e);
        }
    }

    @Override
    public int stop() {
        if (app == null) return 0;
        app.stop();
        app = null;
        // The image's PID 1 (python3 app.py) has no SIGTERM handler: Docker kills it after the grace period.
        return 137;
    }

    @Override
    public int hostPort(int containerPort) {
        return containerPort == PORT && app != null ? app.port() : -1;
    }
}
