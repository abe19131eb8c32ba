package dev.lab.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/** Who may do what on the board, and how often: token checks in constant time, and token buckets against floods. */
final class Guard {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Whether {@code given} is {@code expected}, in time independent of where they differ. */
    static boolean same(String given, String expected) {
        if (given == null || expected == null) return false;
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String token) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes one request from {@code key}'s bucket ({@code perSecond} refill, {@code burst} deep); false when it is empty. */
    boolean allow(String key, double perSecond, int burst) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(perSecond, burst, System.nanoTime());
    }

    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int burst) { tokens = burst; }

        synchronized boolean take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
