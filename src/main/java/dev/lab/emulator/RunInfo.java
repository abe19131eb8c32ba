package dev.lab.emulator;

import dev.lab.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /_localstack/info} for one run of the container, in LocalStack 4.14's shape and key
 * order: a new session id per run, a machine id that stays with the container (its volume), and
 * the uptime since this run began.
 */
final class RunInfo {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final LocalStackConfig config;
    private final String sessionId = UUID.randomUUID().toString();
    private final Instant started = Instant.now();

    RunInfo(LocalStackConfig config) {
        this.config = config;
    }

    String toJson() {
        Instant now = Instant.now();
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("version", Json.string(LocalStackConfig.VERSION));
        doc.put("edition", Json.string(config.editionName()));
        doc.put("is_license_activated", String.valueOf(config.pro()));
        doc.put("session_id", Json.string(sessionId));
        doc.put("machine_id", Json.string(machineId()));
        doc.put("system", Json.string("linux"));
        doc.put("is_docker", "true");
        doc.put("server_time_utc", Json.string(UTC.format(now.truncatedTo(ChronoUnit.SECONDS))));
        doc.put("uptime", String.valueOf(Duration.between(started, now).toSeconds()));
        return Json.object(doc);
    }

    // LocalStack in Docker derives it from the container: "dkr_" and twelve hex digits.
    private String machineId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(config.volumeDir().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return "dkr_" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
