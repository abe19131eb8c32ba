package dev.lab.compose;

import java.net.URI;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where LocalStack answers on this host: the port a compose file publishes for LocalStack's 4566.
 * The one place that knows it; the session, the shell's {@code awslocal}, the checks and
 * {@code lab doctor --live} ask here.
 */
public final class LocalStackEndpoint {
    /** The port LocalStack listens on in its container. */
    public static final int CONTAINER_PORT = 4566;

    /** What {@code awslocal} calls when nothing says otherwise: LocalStack's own default. */
    public static final URI DEFAULT = at(CONTAINER_PORT);

    private LocalStackEndpoint() {}

    /**
     * The services running LocalStack, in file order: a LocalStack image whose {@code entrypoint}/{@code command} is
     * not replaced (a helper built from the image to run {@code aws …} once is not a LocalStack).
     */
    public static List<Service> services(ComposeFile compose) {
        return compose.services().values().stream()
                .filter(s -> ImageRef.parse(s.image()).isLocalStack() && !s.run().overridesImage()).toList();
    }

    /** The host port the service publishes for 4566, if it names one (not one Docker picks). */
    public static OptionalInt hostPort(Service localstack) {
        return localstack.ports().stream().filter(p -> p.containerPort() == CONTAINER_PORT).mapToInt(PortMapping::hostPort)
                .filter(p -> p > 0).findFirst();
    }

    /** The endpoint of the file's first LocalStack service that publishes 4566; {@link #DEFAULT} when none does. */
    public static URI of(ComposeFile compose) {
        return services(compose).stream().map(LocalStackEndpoint::hostPort).filter(OptionalInt::isPresent)
                .map(p -> at(p.getAsInt())).findFirst().orElse(DEFAULT);
    }

    /** {@code http://localhost:<port>}. */
    public static URI at(int port) {
        return URI.create("http://localhost:" + port);
    }
}
