package dev.lab.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path tmp;

    @Test
    void startLogsVersionAndReadyAndLaysOutTheVolume() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of()).started()) {
            assertTrue(harness.emulator.running());
            assertTrue(harness.emulator.endpoint().matches("http://127\\.0\\.0\\.1:\\d+"));
            assertEquals(harness.emulator.endpoint(), "http://127.0.0.1:" + harness.emulator.port());
            int version = harness.logs.indexOf("LocalStack version: 4.14.0");
            assertTrue(version >= 0 && harness.logs.indexOf("Ready.") > version, harness.logs.toString());
            for (String dir : List.of("cache", "lib", "logs", "state", "tmp")) {
                assertTrue(Files.isDirectory(harness.volume.resolve(dir)), dir);
            }
            Path infraLog = harness.volume.resolve("logs/localstack_infra.log");
            assertTrue(Files.readAllLines(infraLog).contains("Ready."));

            harness.restart();
            String info = Files.readString(harness.volume.resolve("state/startup_info.json"));
            assertTrue(info.startsWith("[{\"timestamp\": "), info);
            assertEquals(2, info.split("\"localstack_version\": \"4.14.0\"", -1).length - 1, info);
            assertTrue(info.contains("\"pro_activated\": false"), info);
        }
    }

    @Test
    void dataDirIsDeprecatedWithAWarning() throws Exception {
        try (Harness harness = new Harness(tmp, "community-4.14", Map.of("DATA_DIR", "/tmp/state"))
                .started()) {
            String expected = "DATA_DIR is deprecated (since 1.0.0) and will be removed in upcoming"
                    + " releases of LocalStack! Please use PERSISTENCE instead. The state will be"
                    + " stored in your LocalStack volume in the state/ directory.";
            String line = harness.logs.stream().filter(l -> l.contains(expected)).findFirst()
                    .orElseThrow(() -> new AssertionError(harness.logs.toString()));
            assertTrue(line.contains(" WARN --- "), line);
            assertTrue(line.endsWith(expected), line);
        }
    }

    @Test
    void portInUseFailsCleanlyAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path volume = Files.createDirectories(tmp.resolve("volume"));
            Path scratch = Files.createDirectories(tmp.resolve("scratch"));
            LocalStackEmulator emulator = new LocalStackEmulator(new LocalStackConfig("community-4.14",
                    "127.0.0.1", port, Map.of(), volume, scratch, Map.of()), (s, p, l) -> 0, l -> { });

            PortInUseException e = assertThrows(PortInUseException.class, emulator::start);
            assertEquals("port " + port + " is already in use on 127.0.0.1", e.getMessage());
            assertEquals(port, e.port());
            assertFalse(emulator.running());
            assertNoServerThreads();

            taken.close();
            emulator.start();
            assertTrue(emulator.running());
            assertEquals(port, emulator.port());
            emulator.stop();
        }
    }

    @Test
    void stopIsIdempotentAndReleasesThePort() throws Exception {
        Harness harness = new Harness(tmp, "community-4.14", Map.of()).started();
        int port = harness.emulator.port();
        assertThrows(IllegalStateException.class, harness.emulator::start);

        harness.emulator.stop();
        harness.emulator.stop();
        harness.close();

        assertFalse(harness.emulator.running());
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertNoServerThreads();
    }

    /** What a failed or stopped run leaves: at most parked servers, which bind nothing and go when released. */
    private static void assertNoServerThreads() {
        LocalStackEmulator.releaseParked();
        Harness.poll("HTTP threads to end", Duration.ofSeconds(5), () -> serverThreads() == 0);
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("localstack-http")).count();
    }

    @Test
    void aStoppedEmulatorRefusesConnectionsAndItsRestartsTakeOverTheParkedServer() throws Exception {
        try (Harness harness = new Harness(tmp, "pro", Map.of("PERSISTENCE", "1")).started()) {
            try (var s3 = harness.s3()) {
                s3.createBucket(b -> b.bucket("kept"));
            }
            var front = harness.emulator.front();
            try (Socket open = new Socket("127.0.0.1", harness.emulator.port())) {
                open.setSoTimeout(5000);
                assertTrue(exchange(open).startsWith("HTTP/1.1 200"));
                harness.emulator.stop();
                String after;
                try {
                    after = exchange(open);
                } catch (java.io.IOException reset) {
                    after = "";
                }
                assertEquals("", after, "a kept-alive connection is cut when the container stops");
                harness.emulator.start();
            }
            for (int i = 0; i < 3; i++) {
                int port = harness.emulator.port();
                harness.emulator.stop();
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "a stopped container");
                harness.emulator.start();
                assertSame(front, harness.emulator.front(), "restart " + i + " built a new server");
                try (var s3 = harness.s3()) {
                    assertEquals(List.of("kept"), s3.listBuckets().buckets().stream().map(b -> b.name()).toList());
                }
            }
        }
        assertNoServerThreads();
    }

    @Test
    void missingVolumeFolderIsReported() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        LocalStackEmulator emulator = new LocalStackEmulator(new LocalStackConfig("pro", "127.0.0.1",
                0, Map.of(), tmp.resolve("absent"), scratch, Map.of()), (s, p, l) -> 0, l -> { });
        assertThrows(NoSuchFileException.class, emulator::start);
        assertFalse(emulator.running());
    }

    @Test
    void unknownEditionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LocalStackConfig("enterprise",
                "127.0.0.1", 0, Map.of(), tmp, tmp, Map.of()));
    }

    /** One keep-alive GET of the health endpoint on {@code socket}: the status line and headers, body read; "" at EOF. */
    private static String exchange(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /_localstack/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var in = socket.getInputStream();
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) return head.toString();
            head.append((char) b);
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (m.find()) in.readNBytes(Integer.parseInt(m.group(1)));
        return head.toString();
    }
}
