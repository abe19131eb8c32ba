package dev.lab.engine.docker;

import dev.lab.engine.EngineException;
import dev.lab.http.PlainHttp;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until a container serves: LocalStack's {@code /_localstack/health} or an app's health URL. Never a fixed sleep;
 * a timeout names what it waited for; a container that exits ends the wait at once.
 */
final class Readiness {
    private static final Duration POLL = Duration.ofMillis(50);

    private Readiness() {}

    /** Waits for a 200 from {@code url}; returns its body, or null when the container stopped first. */
    static String await(String name, String url, Duration timeout, BooleanSupplier running) throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            PlainHttp.Response r = get(url);
            if (r != null && r.status() == 200) return r.body();
            if (!running.getAsBoolean()) return null;
            pause();
        }
        throw new EngineException("timed out after " + timeout.toSeconds() + " s waiting for " + name + " to answer " + url);
    }

    private static PlainHttp.Response get(String url) {
        try {
            return PlainHttp.send("GET", URI.create(url), Duration.ofMillis(500), Duration.ofSeconds(2));
        } catch (IOException e) {
            return null;
        }
    }

    private static void pause() throws EngineException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for the container to be ready");
        }
    }
}
