package dev.lab.engine.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Docker's restart decision (moby's restartmanager): policies × exit codes × counts, the delay, cancel and reset. */
class RestartPolicyTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void eachPolicyDecidesOnTheExitCodeAndTheCount() {
        var no = RestartPolicy.parse("no");
        var always = RestartPolicy.parse("always");
        var unlessStopped = RestartPolicy.parse("unless-stopped");
        var onFailure = RestartPolicy.parse("on-failure");
        var onFailure2 = RestartPolicy.parse("on-failure:2");
        for (int code : new int[] {0, 1, 137}) {
            for (int count : new int[] {0, 1, 2, 50}) {
                String at = "exit " + code + " after " + count + " restarts";
                assertFalse(no.restarts(code, count), "no, " + at);
                assertTrue(always.restarts(code, count), "always, " + at);
                assertTrue(unlessStopped.restarts(code, count), "unless-stopped, " + at);
                assertEquals(code != 0, onFailure.restarts(code, count), "on-failure, " + at);
                assertEquals(code != 0 && count < 2, onFailure2.restarts(code, count), "on-failure:2, " + at);
            }
        }
        assertFalse(RestartPolicy.parse(null).restarts(1, 0), "no restart key is no");
    }

    @Test
    void policiesReadAndPrintAsComposeWritesThem() {
        assertEquals(new RestartPolicy("on-failure", 3), RestartPolicy.parse("on-failure:3"));
        assertEquals("on-failure:3", RestartPolicy.parse("on-failure:3").text());
        assertEquals("on-failure", RestartPolicy.parse("on-failure").text());
        assertEquals("unless-stopped", RestartPolicy.parse("unless-stopped").text());
        assertEquals("no", RestartPolicy.parse(null).text());
    }

    @Test
    void theDelayStartsAt100MsDoublesUpToAMinuteAndResetsAfterTenSecondsOfRunning() {
        Duration d = Duration.ZERO;
        var seen = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            d = RestartPolicy.nextDelay(d, SHORT);
            seen.append(d.toMillis()).append(' ');
        }
        assertEquals("100 200 400 800 1600 3200 6400 12800 25600 51200 60000 60000 ", seen.toString());
        assertEquals(Duration.ofMillis(100), RestartPolicy.nextDelay(Duration.ofSeconds(60), Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(800), RestartPolicy.nextDelay(Duration.ofMillis(400), Duration.ofMillis(9_999)));
    }

    @Test
    void onFailureWithALimitRestartsThatManyTimesCountingEach() {
        var m = new RestartManager(RestartPolicy.parse("on-failure:2"));
        assertEquals(Optional.of(Duration.ofMillis(100)), m.onExit(3, SHORT));
        assertEquals(Optional.of(Duration.ofMillis(200)), m.onExit(3, SHORT));
        assertEquals(Optional.empty(), m.onExit(3, SHORT));
        assertEquals(2, m.count());
        m.reset();
        assertEquals(0, m.count(), "a start by hand begins the count again");
        assertEquals(Optional.of(Duration.ofMillis(100)), m.onExit(1, SHORT), "and the delay");
        assertEquals(Optional.empty(), new RestartManager(RestartPolicy.parse("on-failure")).onExit(0, SHORT));
        var counted = new RestartManager(RestartPolicy.parse("on-failure:2"));
        counted.restore(2);
        assertEquals(Optional.empty(), counted.onExit(1, SHORT), "a recorded count still counts");
    }

    @Test
    void aPendingRestartRunsOnceAfterItsDelayUnlessCancelled() throws Exception {
        var timer = Executors.newSingleThreadScheduledExecutor();
        try {
            var m = new RestartManager(RestartPolicy.parse("always"));
            var ran = new AtomicLong(-1);
            long t0 = System.nanoTime();
            m.schedule(timer, m.onExit(0, SHORT).orElseThrow(), ticket -> {
                if (m.due(ticket)) ran.set(System.nanoTime() - t0);
            });
            timer.schedule(() -> { }, 300, TimeUnit.MILLISECONDS).get();
            assertTrue(ran.get() >= Duration.ofMillis(100).toNanos(), "ran after its delay: " + ran.get());

            var cancelled = new AtomicLong(-1);
            m.schedule(timer, m.onExit(0, SHORT).orElseThrow(), ticket -> {
                if (m.due(ticket)) cancelled.set(1);
            });
            m.cancel();
            timer.schedule(() -> { }, 400, TimeUnit.MILLISECONDS).get();
            assertEquals(-1, cancelled.get(), "a cancelled restart never runs");

            m.schedule(timer, Duration.ofMillis(10), ticket -> { });
            long old = 1;
            assertFalse(m.due(old), "an older ticket is not the pending restart");
        } finally {
            timer.shutdownNow();
        }
    }
}
