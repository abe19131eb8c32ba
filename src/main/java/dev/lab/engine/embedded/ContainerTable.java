package dev.lab.engine.embedded;

import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import dev.lab.engine.Project;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's containers by name, and the ways Docker and Compose find one: by service, by name or id prefix,
 * and by host name on the compose network. Callers hold the engine's lock, which is also this table's.
 */
final class ContainerTable {
    private final Object lock;
    private final Map<String, Container> byName = new LinkedHashMap<>();

    /** @param lock the engine, whose lock guards every container */
    ContainerTable(Object lock) {
        this.lock = lock;
    }

    void put(Container c) { byName.put(c.name, c); }

    void remove(Container c) { byName.remove(c.name); }

    Container named(String name) { return byName.get(name); }

    /** Whether {@code c} is still the engine's: a removed or replaced container is neither saved nor restarted. */
    boolean holds(Container c) { return byName.get(c.name) == c; }

    List<Container> all() { return List.copyOf(byName.values()); }

    List<Container> of(String project) {
        return byName.values().stream().filter(c -> c.project.equals(project)).toList();
    }

    /** The project's container of {@code service}, or null. */
    Container find(Project project, String service) {
        return byName.values().stream()
                .filter(c -> c.project.equals(project.name()) && c.spec.name().equals(service))
                .findFirst().orElse(null);
    }

    /** As the docker CLI resolves a reference: a container name, then (here) a service, then an id prefix of 4 or more. */
    Container lookup(Project project, String nameOrId) {
        Container named = byName.get(nameOrId);
        if (named != null) return named;
        Container byService = find(project, nameOrId);
        if (byService != null) return byService;
        return byName.values().stream().filter(c -> nameOrId.length() >= 4 && c.id.startsWith(nameOrId))
                .findFirst().orElse(null);
    }

    /** The containers of {@code services} (all of the project's when empty), in compose order. */
    List<Container> select(Project project, List<String> services) throws EngineException {
        for (String wanted : services) {
            if (!project.compose().services().containsKey(wanted)) throw new EngineException("no such service: " + wanted);
        }
        var out = new ArrayList<Container>();
        for (Service s : project.compose().services().values()) {
            if (!services.isEmpty() && !services.contains(s.name())) continue;
            Container c = find(project, s.name());
            if (c != null) out.add(c);
        }
        return out;
    }

    /** Resolves a host name as the compose network would (service or container name) to a loopback address. */
    Optional<String> resolveHost(String host, int port) {
        for (Container c : byName.values()) {
            if ((c.name.equals(host) || c.spec.name().equals(host)) && c.runtime != null) {
                int hostPort = c.runtime.hostPort(port);
                if (hostPort > 0) return Optional.of("127.0.0.1:" + hostPort);
            }
        }
        return Optional.empty();
    }

    /** Where a one-shot command's AWS calls go: its AWS_ENDPOINT_URL's host on the compose network, else the project's LocalStack. */
    String endpointFor(String project, Container c) {
        synchronized (lock) {
            String url = c.env().get("AWS_ENDPOINT_URL");
            if (url != null) {
                try {
                    var uri = java.net.URI.create(url);
                    var hp = resolveHost(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
                    if (hp.isPresent()) return "http://" + hp.get();
                    if (!uri.getHost().equals("localhost")) return url;
                } catch (IllegalArgumentException | NullPointerException e) {
                    // not a URL: the command will say so itself
                }
            }
            for (Container other : of(project)) {
                if (other.runtime != null && other.runtime.hostPort(LocalStackRuntime.PORT) > 0) {
                    return "http://127.0.0.1:" + other.runtime.hostPort(LocalStackRuntime.PORT);
                }
            }
            return "http://127.0.0.1:4566";
        }
    }
}
