package dev.lab.engine.docker;

import dev.lab.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls until a container serves: LocalStack's {@code /_localstack/health} or an app's health URL. Never a fixed sleep;
 * a timeout names what it waited for; a container that exits ends the wait at once.
 */
final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private static final Duration POLL = Duration.ofMillis(50);

    private Readiness() {}

    /** Waits for a 200 from {@code url}; returns its body, or null when the container stopped first. */
    static String await(String name, String url, Duration timeout, BooleanSupplier running) throws EngineException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(url);
            if (r != null && r.statusCode() == 200) return r.body();
            if (!running.getAsBoolean()) return null;
            pause();
        }
        throw new EngineException("timed out after " + timeout.toSeconds() + " s waiting for " + name + " to answer " + url);
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
