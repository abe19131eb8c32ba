package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image's {@code HEALTHCHECK} under the compose file's, as moby's daemon/commit.go {@code merge} does it. */
class HealthcheckMergeTest {
    private static final Healthcheck IMAGE = new Healthcheck(List.of("CMD-SHELL", "curl -fsS http://localhost:4566/x || exit 1"),
            Duration.ofSeconds(10), Duration.ofSeconds(10), 5, Duration.ofSeconds(15));

    private static Healthcheck compose(String healthcheck) {
        var yaml = "services:\n  ls:\n    image: localstack/localstack:4.14.0\n" + healthcheck;
        return ComposeParser.parse(Path.of("compose.yml"), yaml).services().get("ls").healthcheck();
    }

    @Test
    void withoutAComposeHealthcheckTheImagesApplies() {
        assertNull(compose(""));
        assertSame(IMAGE, Healthcheck.effective(IMAGE, compose("")));
        assertNull(Healthcheck.effective(null, compose("")), "no image check, no compose check: none");
    }

    @Test
    void composeFieldsOverrideTheImagesFieldByField() {
        var merged = Healthcheck.effective(IMAGE, compose("    healthcheck:\n      interval: 2s\n      start_interval: 300ms\n"));
        assertEquals(new Healthcheck(IMAGE.test(), Duration.ofSeconds(2), Duration.ofSeconds(10), 5, Duration.ofSeconds(15),
                Duration.ofMillis(300)), merged, "an unset test, timeout, retries and start period are the image's");
        var own = Healthcheck.effective(IMAGE, compose("    healthcheck:\n      test: [\"CMD\", \"true\"]\n      retries: 2\n"));
        assertEquals(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(10), Duration.ofSeconds(10), 2,
                Duration.ofSeconds(15)), own);
        assertNull(Healthcheck.effective(null, compose("    healthcheck:\n      interval: 2s\n")), "no test anywhere: no check");
    }

    @Test
    void disableOrNoneTurnsTheImagesCheckOff() {
        assertTrue(Healthcheck.effective(IMAGE, compose("    healthcheck:\n      disable: true\n")).disabled());
        assertTrue(Healthcheck.effective(IMAGE, compose("    healthcheck:\n      test: [\"NONE\"]\n")).disabled());
    }

    @Test
    void unsetRetriesAreDockersThree() {
        assertEquals(3, compose("    healthcheck:\n      test: [\"CMD\", \"true\"]\n").retriesOrDefault());
        assertEquals(5, IMAGE.retriesOrDefault());
    }
}
