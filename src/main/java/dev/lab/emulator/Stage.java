package dev.lab.emulator;

import java.util.Locale;
import java.util.Optional;

/** LocalStack's init hook stages, in the order a container lifetime runs them. */
enum Stage {
    BOOT, START, READY, SHUTDOWN;

    /** The folder under {@code /etc/localstack/init} holding this stage's scripts. */
    String folder() {
        return name().toLowerCase(Locale.ROOT) + ".d";
    }

    /** The stage named in {@code /_localstack/init/<name>}, in any case. */
    static Optional<Stage> parse(String name) {
        for (Stage stage : values()) {
            if (stage.name().equalsIgnoreCase(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
