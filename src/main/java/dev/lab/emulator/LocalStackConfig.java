package dev.lab.emulator;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one emulated LocalStack container is set up: its image profile, where it
 * listens, its environment, and the host folders mounted into it.
 *
 * @param edition    image profile, {@code "community-4.14"} or {@code "pro"}
 * @param bindHost   host address the port is published on, e.g. {@code "127.0.0.1"}
 * @param port       host port; 0 picks a free ephemeral port at each start
 * @param env        container environment (SERVICES, PERSISTENCE, …)
 * @param volumeDir  existing host folder mounted at {@code /var/lib/localstack}
 * @param scratchDir existing folder standing in for the container's writable layer
 * @param initDirs   stage folder name such as {@code "ready.d"} to host folder
 */
public record LocalStackConfig(String edition, String bindHost, int port,
        Map<String, String> env, Path volumeDir, Path scratchDir,
        Map<String, Path> initDirs) {

    /** The LocalStack release every profile reports. */
    public static final String VERSION = "4.14.0";

    public LocalStackConfig {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(volumeDir, "volumeDir");
        Objects.requireNonNull(scratchDir, "scratchDir");
        if (!edition.equals("pro") && !edition.startsWith("community")) {
            throw new IllegalArgumentException("unknown LocalStack edition: " + edition);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        initDirs = initDirs == null ? Map.of() : Map.copyOf(initDirs);
    }

    /** Whether this is the Pro image, which alone can persist state. */
    public boolean pro() {
        return edition.equals("pro");
    }

    /** The edition name LocalStack reports in its health document. */
    public String editionName() {
        return pro() ? "pro" : "community";
    }

    /** An environment variable, or {@code fallback} when unset or blank. */
    public String env(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** LocalStack's notion of a true flag: {@code 1} or {@code true}, any case. */
    public boolean flag(String name) {
        String value = env(name, "").toLowerCase(Locale.ROOT);
        return value.equals("1") || value.equals("true");
    }
}
