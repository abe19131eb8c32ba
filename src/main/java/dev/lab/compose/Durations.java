package dev.lab.compose;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses compose durations such as {@code 10s}, {@code 1m30s}, {@code 500ms} or {@code 1.5s}. */
final class Durations {

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:\\.[0-9]+)?(?:h|ms|m|s|us|ns))+");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(h|ms|m|s|us|ns)");
    private static final Map<String, Long> NANOS = Map.of("h", 3_600_000_000_000L, "m", 60_000_000_000L,
            "s", 1_000_000_000L, "ms", 1_000_000L, "us", 1_000L, "ns", 1L);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @return the duration, or {@code null} when the text is not a valid compose duration or does not fit
     */
    static Duration parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return null;
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
        }
        try {
            return Duration.ofNanos(nanos.longValueExact());
        } catch (ArithmeticException tooLong) {
            return null;
        }
    }
}
