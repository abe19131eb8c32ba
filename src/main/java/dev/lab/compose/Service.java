package dev.lab.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry under {@code services}.
 *
 * @param name          the key under {@code services}
 * @param image         the {@code image}
 * @param containerName the {@code container_name}, or {@code null}
 * @param ports         published ports in file order
 * @param environment   variables in file order; a {@code null} value means {@code KEY} without {@code =},
 *                      i.e. taken from the environment running compose
 * @param volumes       mounts in file order
 * @param user          the {@code user} as written (e.g. {@code 1000:1000}), or {@code null}
 * @param healthcheck   the {@code healthcheck}, or {@code null}
 * @param dependsOn     the services this one depends on, each with its condition ({@link #STARTED} for the list form)
 * @param networks      names of the networks the service joins
 * @param line          1-based line of the service's key
 * @param run           {@code entrypoint}, {@code command}, {@code working_dir}, {@code env_file}, {@code restart}
 * @param profiles      the {@code profiles} the service belongs to; empty means always enabled
 */
public record Service(String name, String image, String containerName, List<PortMapping> ports,
                      Map<String, String> environment, List<Mount> volumes, String user, Healthcheck healthcheck,
                      Map<String, String> dependsOn, List<String> networks, int line, RunOptions run, List<String> profiles) {

    /** {@code depends_on} conditions as Compose names them. */
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";

    /** Copies the collections so the service stays immutable; maps keep their order. */
    public Service {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        ports = List.copyOf(ports);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        volumes = List.copyOf(volumes);
        dependsOn = Collections.unmodifiableMap(new LinkedHashMap<>(dependsOn));
        networks = List.copyOf(networks);
        run = run == null ? RunOptions.NONE : run;
        profiles = List.copyOf(profiles);
    }

    /** The same service with another image. */
    public Service withImage(String other) {
        return new Service(name, other, containerName, ports, environment, volumes, user, healthcheck, dependsOn, networks,
                line, run, profiles);
    }

    /** Whether two services configure the same container (everything but where they are written), as Compose's config hash. */
    public boolean sameConfig(Service o) {
        return name.equals(o.name) && image.equals(o.image) && Objects.equals(containerName, o.containerName)
                && ports.equals(o.ports) && environment.equals(o.environment) && volumes.equals(o.volumes)
                && Objects.equals(user, o.user) && Objects.equals(healthcheck, o.healthcheck)
                && dependsOn.equals(o.dependsOn) && networks.equals(o.networks) && run.equals(o.run);
    }

    /** Whether the service runs with the given active profiles (a service without profiles always does). */
    public boolean enabledBy(java.util.Collection<String> active) {
        return profiles.isEmpty() || profiles.stream().anyMatch(active::contains) || active.contains("*");
    }

    /** The name to show and to pass to {@code docker}: the container name if set, else the service name. */
    public String displayName() {
        return containerName != null ? containerName : name;
    }
}
