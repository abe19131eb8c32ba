package dev.lab.engine.docker;

import dev.lab.compose.Service;
import dev.lab.engine.Project;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every resource carries: Compose's own, so {@code docker compose} sees the same project,
 * plus lab's, so cleanup is a label query and nothing unlabelled is ever touched.
 */
final class Labels {
    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    static final String VOLUME = "com.docker.compose.volume";
    static final String NETWORK = "com.docker.compose.network";
    static final String MANAGED = "dev.lab.managed";
    static final String CONFIG_HASH = "dev.lab.config-hash";

    private Labels() {}

    static Map<String, String> container(Project p, Service s) {
        var l = base(p);
        l.put(SERVICE, s.name());
        l.put("com.docker.compose.container-number", "1");
        l.put("com.docker.compose.oneoff", "False");
        l.put("com.docker.compose.project.working_dir", p.workdir().toString());
        l.put("com.docker.compose.project.config_files", p.compose().source().toAbsolutePath().toString());
        l.put(CONFIG_HASH, hash(s));
        return l;
    }

    static Map<String, String> volume(Project p, String declared) {
        var l = base(p);
        l.put(VOLUME, declared);
        return l;
    }

    static Map<String, String> network(Project p) {
        var l = base(p);
        l.put(NETWORK, "default");
        return l;
    }

    private static Map<String, String> base(Project p) {
        var l = new LinkedHashMap<String, String>();
        l.put(PROJECT, p.name());
        l.put(MANAGED, "true");
        return l;
    }

    /** A digest of the service's configuration (not where it is written), to tell when {@code up} must recreate. */
    static String hash(Service s) {
        String canonical = String.join("\n", s.name(), s.image(), String.valueOf(s.containerName()), s.ports().toString(),
                s.environment().toString(), s.volumes().toString(), String.valueOf(s.user()), String.valueOf(s.healthcheck()),
                s.dependsOn().toString(), s.networks().toString(), s.run().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
