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
            CheckResult result = HttpCheck.parse(text, List.of(text.split(" "))).evaluate(null);
            assertTrue(result.passed(), result.toString());
        } finally {
            server.stop(0);
        }
        var clientThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("HttpClient-")).toList();
        assertEquals(List.of(), clientThreads);
    }
}
