package dev.lab.compose;

import java.time.Duration;
import java.util.List;

/**
 * A service's {@code healthcheck}.
 *
 * @param test        the test command starting with {@code CMD}, {@code CMD-SHELL} or {@code NONE}; a string
 *                    {@code test} becomes {@code ["CMD-SHELL", string]} as Docker treats it; {@code disable: true}
 *                    is {@code ["NONE"]}
 * @param interval    time between checks (Docker's default 30s when absent)
 * @param timeout     time one check may take (default 30s)
 * @param retries     failures in a row before the container is unhealthy (default 3)
 * @param startPeriod time after start in which failures do not count (default 0)
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {

    /** Docker's interval and timeout when the compose file leaves them out. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);

    /** Docker's retries when the compose file leaves them out. */
    public static final int DEFAULT_RETRIES = 3;

    /** Copies the test list so the record stays immutable. */
    public Healthcheck {
        test = List.copyOf(test);
        startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
    }

    /** A check without a start period. */
    public Healthcheck(List<String> test, Duration interval, Duration timeout, int retries) {
        this(test, interval, timeout, retries, Duration.ZERO);
    }

    /** Whether the check is switched off ({@code NONE} or {@code disable: true}). */
    public boolean disabled() {
        return test.isEmpty() || test.get(0).equals("NONE");
    }
}
