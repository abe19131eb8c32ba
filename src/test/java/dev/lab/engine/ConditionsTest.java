package dev.lab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code up --wait} looks as Compose does: every 500 ms, the first after 500 ms, and times out in Compose's words. */
class ConditionsTest {
    private static ContainerInfo crash(ContainerInfo.State state) {
        return new ContainerInfo("c0ffee", "proj-crash-1", "crash", "localstack/localstack:4.14.0", state, 1, "", List.of(),
                List.of(), Instant.EPOCH, "", Instant.EPOCH, Instant.EPOCH, 3, "always");
    }

    @Test
    void aCrashLoopRunningOnlyBetweenComposesLooksIsNeverSeenUp() {
        long begun = System.nanoTime();
        // Up from 200 to 300 ms of every 500: a look at each 100 ms poll would see it; Compose's at 500 and 1000 ms do not.
        var e = assertThrows(Conditions.Failed.class, () -> Conditions.await(() -> {
            long phase = (System.nanoTime() - begun) / 1_000_000 % 500;
            return List.of(crash(phase >= 200 && phase < 300 ? ContainerInfo.State.RUNNING : ContainerInfo.State.RESTARTING));
        }, java.util.Map.of(), Duration.ofSeconds(1)));
        assertEquals("application not healthy after 1s", e.getMessage());
    }

    @Test
    void aRunningContainerWithoutAHealthcheckIsUpAtTheFirstLook() throws Exception {
        long begun = System.nanoTime();
        Conditions.await(() -> List.of(crash(ContainerInfo.State.RUNNING)), java.util.Map.of(), Duration.ofSeconds(5));
        long millis = (System.nanoTime() - begun) / 1_000_000;
        assertTrue(millis >= 500 && millis < 1500, "returned after " + millis + " ms");
    }

    private static ContainerInfo exited(String service, int code) {
        return new ContainerInfo("c0ffee", "proj-" + service + "-1", service, "amazon/aws-cli", ContainerInfo.State.EXITED, code,
                "", List.of(), List.of(), Instant.EPOCH, "", Instant.EPOCH, Instant.EPOCH, 0, "no");
    }

    /** Compose's start.go: --wait waits for running or healthy, unless a dependent declares service_completed_successfully. */
    @Test
    void anExitedContainerFailsTheWaitUnlessADependentWaitsForItsCompletion() throws Exception {
        var alone = dev.lab.compose.ComposeParser.parse(java.nio.file.Path.of("compose.yml"),
                "services:\n  seed:\n    image: amazon/aws-cli\n");
        var e = assertThrows(Conditions.Failed.class,
                () -> Conditions.await(() -> List.of(exited("seed", 0)), alone.services(), Duration.ofSeconds(5)));
        assertEquals("container proj-seed-1 exited (0)", e.getMessage());
        var awaited = dev.lab.compose.ComposeParser.parse(java.nio.file.Path.of("compose.yml"), "services:\n  seed:\n"
                + "    image: amazon/aws-cli\n  app:\n    image: amazon/aws-cli\n    depends_on:\n      seed:\n"
                + "        condition: service_completed_successfully\n");
        Conditions.await(() -> List.of(exited("seed", 0)), awaited.services(), Duration.ofSeconds(5));
        var failed = assertThrows(Conditions.Failed.class,
                () -> Conditions.await(() -> List.of(exited("seed", 2)), awaited.services(), Duration.ofSeconds(5)));
        assertEquals("service \"seed\" didn't complete successfully: exit 2", failed.getMessage());
    }

    @Test
    void timeoutsPrintAsGoPrintsDurations() {
        assertEquals("1s", Conditions.goDuration(Duration.ofSeconds(1)));
        assertEquals("59s", Conditions.goDuration(Duration.ofSeconds(59)));
        assertEquals("1m0s", Conditions.goDuration(Duration.ofSeconds(60)));
        assertEquals("10m0s", Conditions.goDuration(Duration.ofMinutes(10)));
        assertEquals("1h1m5s", Conditions.goDuration(Duration.ofSeconds(3665)));
    }
}
