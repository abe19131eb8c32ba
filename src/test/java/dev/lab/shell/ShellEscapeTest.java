package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.lab.engine.embedded.EmbeddedEngine;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's own file commands never follow a link out of the workspace or out of a mounted folder. */
class ShellEscapeTest {
    @TempDir Path tmp;
    private Path ws;
    private Path outside;
    private Path secret;
    private EmbeddedEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        ws = Files.createDirectories(tmp.resolve("ws"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "keep me");
        Files.setAttribute(secret, "unix:mode", 0640);
        Files.createDirectories(ws.resolve("dir"));
        Files.createSymbolicLink(ws.resolve("dir/link.txt"), secret);
        engine = new EmbeddedEngine(tmp.resolve("engine"), "community-4.14", (call, log) -> 0);
    }

    @AfterEach
    void tearDown() {
        engine.close();
    }

    private int run(Shell shell, String line) throws InterruptedException {
        return shell.run(line, new Io.Capture().io(List.of()));
    }

    private Shell shell() {
        return new Shell(engine, () -> { throw new ShellError("no project"); }, ws, () -> java.net.URI.create("http://localhost:4566"));
    }

    @Test
    void chmodRecursiveLeavesALinkedOutsideFileAlone() throws Exception {
        assertEquals(0, run(shell(), "chmod -R 777 dir"));
        assertEquals(0640, (Integer) Files.getAttribute(secret, "unix:mode") & 07777);
        assertEquals(0777, (Integer) Files.getAttribute(ws.resolve("dir"), "unix:mode") & 07777);
    }

    @Test
    void chownRecursiveByNameChangesTheLinkNotItsTarget() throws Exception {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(secret, "unix:uid")), "giving files away needs root");
        assertEquals(0, run(shell(), "chown -R nobody dir"));
        assertEquals(0, Files.getAttribute(secret, "unix:uid"));
        assertEquals("nobody", Files.getOwner(ws.resolve("dir"), LinkOption.NOFOLLOW_LINKS).getName());
    }

    @Test
    void rmThroughAMountedFolderStaysInsideIt() throws Exception {
        Path volume = Files.createDirectories(tmp.resolve("volume"));
        Path victim = Files.createDirectories(outside.resolve("sub"));
        Files.writeString(victim.resolve("photo.jpg"), "precious");
        Files.createSymbolicLink(volume.resolve("link"), outside);
        var shell = new Shell(engine, () -> { throw new ShellError("no project"); }, ws, () -> java.net.URI.create("http://localhost:4566"),
                Map.of("/var/lib/localstack", volume));
        ShellError e = assertThrows(ShellError.class, () -> run(shell, "rm -rf /var/lib/localstack/link/sub"));
        assertTrue(e.getMessage().startsWith("rm: /var/lib/localstack/link/sub is outside the mounted folder"), e.getMessage());
        assertThrows(ShellError.class, () -> run(shell, "mkdir -p /var/lib/localstack/link/new"));
        assertEquals(0, run(shell, "rm -rf /var/lib/localstack/link"));
        assertFalse(Files.exists(volume.resolve("link"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("precious", Files.readString(victim.resolve("photo.jpg")));
    }

    @Test
    void rmOfALinkInTheWorkspaceRemovesTheLinkOnly() throws Exception {
        assertEquals(0, run(shell(), "rm dir/link.txt"));
        assertFalse(Files.exists(ws.resolve("dir/link.txt"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me", Files.readString(secret));
    }

    @Test
    void curlNeverWritesThroughALink() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            byte[] body = "downloaded".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        try {
            Files.createSymbolicLink(ws.resolve("new.txt"), outside.resolve("created.txt"));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/f";
            assertThrows(ShellError.class, () -> run(shell(), "curl -s -o dir/link.txt " + url));
            assertThrows(ShellError.class, () -> run(shell(), "curl -s -o new.txt " + url));
            assertEquals("keep me", Files.readString(secret));
            assertFalse(Files.exists(outside.resolve("created.txt")));
            assertEquals(0, run(shell(), "curl -s -o dir/ok.txt " + url));
            assertEquals("downloaded", Files.readString(ws.resolve("dir/ok.txt")));
        } finally {
            server.stop(0);
        }
    }
}
