package dev.lab.engine;

import java.time.Duration;
import java.time.Instant;

/** Docker's {@code units.HumanDuration}, the words of {@code docker ps}'s STATUS column. */
public final class HumanDuration {
    private HumanDuration() {}

    /** How long from {@code from} to {@code to}, as Docker words it ({@code 5 seconds}, {@code About a minute}). */
    public static String of(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 1) return "Less than a second";
        if (seconds == 1) return "1 second";
        if (seconds < 60) return seconds + " seconds";
        long minutes = d.toMinutes();
        if (minutes == 1) return "About a minute";
        if (minutes < 60) return minutes + " minutes";
        long hours = (long) (d.toSeconds() / 3600.0 + 0.5);
        if (hours == 1) return "About an hour";
        if (hours < 48) return hours + " hours";
        if (hours < 24 * 7 * 2) return hours / 24 + " days";
        if (hours < 24 * 30 * 2) return hours / 24 / 7 + " weeks";
        if (hours < 24 * 365 * 2) return hours / 24 / 30 + " months";
        return hours / 24 / 365 + " years";
    }
}
