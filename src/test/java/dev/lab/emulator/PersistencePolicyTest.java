package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersistencePolicyTest {
    private static PersistencePolicy policy(String edition, Map<String, String> env) {
        return PersistencePolicy.from(new LocalStackConfig(edition, "127.0.0.1", 0, env,
                Path.of("v"), Path.of("s"), Map.of()));
    }

    @Test
    void proDefaultsAreScheduledEvery15SecondsAndLoadOnRequest() {
        PersistencePolicy policy = policy("pro", Map.of("PERSISTENCE", "true"));
        assertTrue(policy.enabled());
        assertEquals(PersistencePolicy.Save.SCHEDULED, policy.save());
        assertEquals(PersistencePolicy.Load.ON_REQUEST, policy.load());
        assertEquals(Duration.ofSeconds(15), policy.flushInterval());
        assertTrue(policy.loadsAtStart());
        assertTrue(policy.savesAtStop());
        assertTrue(policy.savesOnSchedule());
    }

    @Test
    void strategiesAreReadCaseInsensitively() {
        PersistencePolicy policy = policy("pro", Map.of("PERSISTENCE", "1",
                "SNAPSHOT_SAVE_STRATEGY", "manual", "SNAPSHOT_LOAD_STRATEGY", "Manual",
                "SNAPSHOT_FLUSH_INTERVAL", "3"));
        assertEquals(PersistencePolicy.Save.MANUAL, policy.save());
        assertFalse(policy.savesAtStop());
        assertFalse(policy.loadsAtStart());
        assertEquals(Duration.ofSeconds(3), policy.flushInterval());
    }

    @Test
    void communityAndProWithoutFlagNeverPersist() {
        assertFalse(policy("community-4.14", Map.of("PERSISTENCE", "1")).enabled());
        assertFalse(policy("pro", Map.of("PERSISTENCE", "0")).enabled());
        assertFalse(policy("pro", Map.of()).savesAtStop());
    }
}
