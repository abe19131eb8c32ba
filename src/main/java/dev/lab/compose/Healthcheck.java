package dev.lab.compose;

import java.time.Duration;
import java.util.List;

/**
 * A service's {@code healthcheck}.
 *
 * <p>What the compose file leaves out is empty or zero, and is the image's {@code HEALTHCHECK} value, else Docker's
 * default ({@link #over}).
 *
 * @param test        the test command starting with {@code CMD}, {@code CMD-SHELL} or {@code NONE}; a string
 *                    {@code test} becomes {@code ["CMD-SHELL", string]} as Docker treats it; {@code disable: true}
 *                    is {@code ["NONE"]}; empty when absent
 * @param interval    time between checks (zero when absent: Docker's default 30s)
 * @param timeout     time one check may take (zero when absent: 30s)
 * @param retries     failures in a row before the container is unhealthy (zero when absent: 3)
 * @param startPeriod time after start in which failures do not count (default 0)
 * @param startInterval time between checks during the start period while the container is not yet healthy
 *                    (Docker Engine 25+; {@link Duration#ZERO} when absent, which means Docker's 5s)
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod,
                          Duration startInterval) {

    /** Docker's interval and timeout when the compose file leaves them out. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

    /** Docker's retries when the compose file leaves them out. */
    public static final int DEFAULT_RETRIES = 3;

    /** Docker's start interval when the compose file leaves it out. */
    public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);

    /** The shortest non-zero duration Docker accepts for any of the check's durations. */
    public static final Duration MINIMUM_DURATION = Duration.ofMillis(1);

    /** Copies the test list so the record stays immutable. */
    public Healthcheck {
        test = List.copyOf(test);
        startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
        startInterval = startInterval == null ? Duration.ZERO : startInterval;
    }

    /** A check without a start interval. */
    public Healthcheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
        this(test, interval, timeout, retries, startPeriod, Duration.ZERO);
    }

    /** A check without a start period. */
    public Healthcheck(List<String> test, Duration interval, Duration timeout, int retries) {
        this(test, interval, timeout, retries, Duration.ZERO);
    }

    /**
     * How long Docker waits before the next probe: the start interval while the start period lasts and the container
     * is still {@code starting}, else the interval; a zero duration is Docker's default for it.
     *
     * @param sinceStart time since the container started
     * @param starting   whether the container's health is still {@code starting}
     */
    public Duration nextProbeIn(Duration sinceStart, boolean starting) {
        Duration every = interval.isZero() ? DEFAULT_DURATION : interval;
        if (sinceStart.compareTo(startPeriod) >= 0 || !starting) return every;
        return startInterval.isZero() ? DEFAULT_START_INTERVAL : startInterval;
    }

    /** Whether the check is switched off ({@code NONE} or {@code disable: true}). */
    public boolean disabled() {
        return !test.isEmpty() && test.get(0).equals("NONE");
    }

    /** Failures in a row that make the container unhealthy: zero is Docker's default. */
    public int retriesOrDefault() {
        return retries > 0 ? retries : DEFAULT_RETRIES;
    }

    /**
     * The check a container gets, merged as Docker's daemon does at create time: this (the compose file's) field by
     * field over the image's, an empty or zero field taking the image's value.
     *
     * @param image the image's {@code HEALTHCHECK}, or null
     * @return null when neither gives a test; a {@link #disabled} check when switched off
     */
    public static Healthcheck effective(Healthcheck image, Healthcheck compose) {
        if (compose == null) return image;
        if (image == null) return compose.test.isEmpty() ? null : compose;
        return new Healthcheck(compose.test.isEmpty() ? image.test : compose.test, or(compose.interval, image.interval),
                or(compose.timeout, image.timeout), compose.retries > 0 ? compose.retries : image.retries,
                or(compose.startPeriod, image.startPeriod), or(compose.startInterval, image.startInterval));
    }

    private static Duration or(Duration mine, Duration image) {
        return mine.isZero() ? image : mine;
    }
}
