package dev.lab.compose;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed compose file.
 *
 * @param source      the file it was read from
 * @param services    services by name, in file order
 * @param volumes     top-level volumes by name, in file order
 * @param networks    names of the top-level networks, in file order
 * @param projectName the top-level {@code name}, or {@code null} (Docker then uses the folder name)
 */
public record ComposeFile(Path source, Map<String, Service> services, Map<String, VolumeDef> volumes,
                          List<String> networks, String projectName) {

    /** Copies the collections so the file stays immutable; maps keep their file order. */
    public ComposeFile {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        volumes = Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        networks = List.copyOf(networks);
    }

    /**
     * Finds a service by its name or by its {@code container_name}.
     *
     * @throws IllegalArgumentException listing the services when none matches
     */
    public Service service(String nameOrContainerName) {
        Service byName = services.get(nameOrContainerName);
        if (byName != null) {
            return byName;
        }
        return services.values().stream()
                .filter(s -> nameOrContainerName.equals(s.containerName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service or container '" + nameOrContainerName
                        + "' in " + source + " (services: " + String.join(", ", services.keySet()) + ")"));
    }
}
