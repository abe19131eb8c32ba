package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compose keys beyond the persistence lab's: how each is read into the service. */
class ComposeRunKeysTest {

    private static ComposeFile parse(String yaml) {
        return ComposeParser.parse(Path.of("compose.yml"), yaml);
    }

    @Test
    void entrypointAndCommandAreArgvs() {
        var f = parse("""
                services:
                  check:
                    image: localstack/localstack:4.14.0
                    entrypoint: ["aws", "s3api", "head-bucket", "--bucket", "b"]
                  script:
                    image: localstack/localstack:4.14.0
                    entrypoint: bash -c 'echo "a b" && exit 3'
                    command: one "two words" three\\ four
                """);
        assertEquals(List.of("aws", "s3api", "head-bucket", "--bucket", "b"), f.services().get("check").run().entrypoint());
        assertNull(f.services().get("check").run().command());
        var script = f.services().get("script").run();
        assertEquals(List.of("bash", "-c", "echo \"a b\" && exit 3"), script.entrypoint());
        assertEquals(List.of("one", "two words", "three four"), script.command());
        assertEquals(List.of("bash", "-c", "echo \"a b\" && exit 3", "one", "two words", "three four"), script.argv());
    }

    @Test
    void dependsOnLongFormKeepsConditions() {
        var f = parse("""
                services:
                  ls:
                    image: localstack/localstack:4.14.0
                  seed:
                    image: amazon/aws-cli
                    depends_on:
                      ls:
                        condition: service_healthy
                  app:
                    image: app
                    depends_on:
                      ls: {condition: service_started, required: true}
                      seed:
                        condition: service_completed_successfully
                """);
        assertEquals(Map.of("ls", Service.HEALTHY), f.services().get("seed").dependsOn());
        assertEquals(List.of(Map.entry("ls", Service.STARTED), Map.entry("seed", Service.COMPLETED)),
                List.copyOf(f.services().get("app").dependsOn().entrySet()));
    }

    @Test
    void healthcheckStartPeriodAndDisable() {
        var f = parse("""
                services:
                  a:
                    image: a
                    healthcheck:
                      test: curl -f http://localhost:4566/_localstack/health
                      interval: 2s
                      start_period: 1m
                      start_interval: 100ms
                  b:
                    image: b
                    healthcheck:
                      disable: true
                """);
        var a = f.services().get("a").healthcheck();
        assertEquals(Duration.ofMinutes(1), a.startPeriod());
        assertEquals(Duration.ofSeconds(2), a.interval());
        assertEquals(Duration.ofMillis(100), a.startInterval());
        assertEquals(Duration.ZERO, f.services().get("b").healthcheck().startInterval());
        assertFalse(a.disabled());
        assertTrue(f.services().get("b").healthcheck().disabled());
    }

    /** Docker's daemon/health.go: the start interval only while the start period lasts and the container is starting. */
    @Test
    void theStartIntervalAppliesOnlyDuringTheStartPeriodWhileStarting() {
        var h = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ofSeconds(30),
                Duration.ofMillis(100));
        assertEquals(Duration.ofMillis(100), h.nextProbeIn(Duration.ZERO, true));
        assertEquals(Duration.ofMillis(100), h.nextProbeIn(Duration.ofSeconds(29), true));
        assertEquals(Duration.ofSeconds(2), h.nextProbeIn(Duration.ofSeconds(30), true), "after the start period");
        assertEquals(Duration.ofSeconds(2), h.nextProbeIn(Duration.ofSeconds(1), false), "once healthy");
        var noPeriod = new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2), Duration.ofSeconds(1), 3, Duration.ZERO,
                Duration.ofMillis(100));
        assertEquals(Duration.ofSeconds(2), noPeriod.nextProbeIn(Duration.ZERO, true), "no start period, no start interval");
        var defaults = new Healthcheck(List.of("CMD", "true"), Duration.ZERO, Duration.ZERO, 3, Duration.ofSeconds(30));
        assertEquals(Healthcheck.DEFAULT_START_INTERVAL, defaults.nextProbeIn(Duration.ZERO, true));
        assertEquals(Healthcheck.DEFAULT_DURATION, defaults.nextProbeIn(Duration.ofMinutes(1), true), "0s is Docker's default");
    }

    @Test
    void restartWorkingDirEnvFileProfiles() {
        var f = parse("""
                services:
                  a:
                    image: a
                    restart: on-failure:3
                    working_dir: /work
                    env_file: .env
                    profiles: [debug, tools]
                  b:
                    image: b
                    env_file: [a.env, b.env]
                """);
        var a = f.services().get("a");
        assertEquals("on-failure:3", a.run().restart());
        assertEquals("/work", a.run().workingDir());
        assertEquals(List.of(".env"), a.run().envFiles());
        assertEquals(List.of("debug", "tools"), a.profiles());
        assertTrue(a.enabledBy(Set.of("tools")));
        assertFalse(a.enabledBy(Set.of()));
        var b = f.services().get("b");
        assertEquals(List.of("a.env", "b.env"), b.run().envFiles());
        assertEquals("no", b.run().restart());
        assertTrue(b.enabledBy(Set.of()));
    }

    @Test
    void extensionFieldsAndMergeKeys() {
        var f = parse("""
                x-localstack: &ls
                  image: localstack/localstack:4.14.0
                  environment:
                    SERVICES: s3
                  restart: always
                x-common: &common
                  user: "1000"
                  restart: "no"
                services:
                  first:
                    <<: *ls
                    x-note: ignored by Compose
                    container_name: first
                  second:
                    <<: [*common, *ls]
                    environment:
                      SERVICES: sqs
                """);
        var first = f.services().get("first");
        assertEquals("localstack/localstack:4.14.0", first.image());
        assertEquals(Map.of("SERVICES", "s3"), first.environment());
        assertEquals("always", first.run().restart());
        var second = f.services().get("second");
        assertEquals("1000", second.user());
        assertEquals("no", second.run().restart(), "the earlier merged mapping wins");
        assertEquals(Map.of("SERVICES", "sqs"), second.environment(), "a key written in the service wins");
    }
}
