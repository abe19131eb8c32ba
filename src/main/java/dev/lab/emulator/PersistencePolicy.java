package dev.lab.emulator;

import java.time.Duration;
import java.util.Locale;

/**
 * When LocalStack Pro saves and restores its state, read from
 * {@code PERSISTENCE}, {@code SNAPSHOT_SAVE_STRATEGY},
 * {@code SNAPSHOT_LOAD_STRATEGY} and {@code SNAPSHOT_FLUSH_INTERVAL}.
 * Community ignores all of these, and so does Pro without {@code PERSISTENCE=1}.
 *
 * @param enabled       whether anything is saved or restored at all
 * @param save          when live state is written to the volume
 * @param load          when the volume's snapshot becomes live state
 * @param flushInterval period of {@link Save#SCHEDULED} saves
 */
record PersistencePolicy(boolean enabled, Save save, Load load, Duration flushInterval) {

    /** {@code SNAPSHOT_SAVE_STRATEGY} values. */
    enum Save { ON_REQUEST, ON_SHUTDOWN, SCHEDULED, MANUAL }

    /** {@code SNAPSHOT_LOAD_STRATEGY} values. */
    enum Load { ON_REQUEST, ON_STARTUP, MANUAL }

    private static final int DEFAULT_FLUSH_SECONDS = 15;

    static PersistencePolicy from(LocalStackConfig config) {
        boolean enabled = config.pro() && config.flag("PERSISTENCE");
        Save save = parse(Save.class, config.env("SNAPSHOT_SAVE_STRATEGY", ""), Save.SCHEDULED);
        Load load = parse(Load.class, config.env("SNAPSHOT_LOAD_STRATEGY", ""), Load.ON_REQUEST);
        int seconds;
        try {
            seconds = Integer.parseInt(config.env("SNAPSHOT_FLUSH_INTERVAL", ""));
        } catch (NumberFormatException e) {
            seconds = DEFAULT_FLUSH_SECONDS;
        }
        if (seconds <= 0) {
            seconds = DEFAULT_FLUSH_SECONDS;
        }
        return new PersistencePolicy(enabled, save, load, Duration.ofSeconds(seconds));
    }

    /**
     * Whether the snapshot is restored during start-up. {@link Load#ON_REQUEST}
     * loads before the first request is served, which for S3 cannot be told
     * apart from loading at start, so it is done then.
     */
    boolean loadsAtStart() {
        return enabled && load != Load.MANUAL;
    }

    /** Whether stopping the container writes unsaved changes. */
    boolean savesAtStop() {
        return enabled && save != Save.MANUAL;
    }

    boolean savesOnRequest() {
        return enabled && save == Save.ON_REQUEST;
    }

    boolean savesOnSchedule() {
        return enabled && save == Save.SCHEDULED;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
