package dev.lab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An http check leaves no HTTP client thread behind: the JDK HttpClient's selector thread, which
 * Java 17 cannot stop, held the lab's exit back by ~0.33 s after the last line was printed.
 */
class HttpCheckThreadsTest {
    @Test
    void anHttpCheckLeavesNoClientThreadRunning() throws Exception {
        var before = clientThreads();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String text = "http GET http://127.0.0.1:" + server.getAddress().getPort() + "/b/k status 404 code NoSuchKey";
            CheckResult result = HttpCheck.parse(text).evaluate(null);
            assertTrue(result.passed(), result.toString());
        } finally {
            server.stop(0);
        }
        var started = clientThreads();
        started.removeAll(before);   // other tests in this JVM may have their own clients
        assertEquals(List.of(), List.copyOf(started));
    }

    private static java.util.Set<String> clientThreads() {
        var names = new java.util.TreeSet<String>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("HttpClient-")) names.add(t.getName());
        return names;
    }
}
