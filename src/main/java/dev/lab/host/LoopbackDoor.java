package dev.lab.host;

import dev.lab.engine.ExecPlan;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bash shims' way in: a TCP port on the loopback address, which bash opens itself
 * ({@code /dev/tcp/127.0.0.1/PORT}), so a {@code docker} or {@code aws} in a lab's bash costs a bash
 * start instead of a JVM start. Bash cannot open the host's Unix socket, hence the port; its number
 * and a random token are in {@link HostPaths#door()}, in the user's 0700 folder, and a connection
 * that does not begin with the token is closed unanswered.
 *
 * <p>The request is NUL-terminated fields: token, {@code 1} (the version), working folder, {@code 1}
 * or {@code 0} for a terminal, the count of {@code NAME=value} variables and those, the count of
 * arguments and those. The reply is lines: {@code ok} once the request is read, then {@code 1…}
 * (standard output) and {@code 2…} (standard error) for each output line, and {@code c<status>} at
 * the end, or {@code j} when the command needs the terminal-owning Java client ({@code docker exec}).
 */
final class LoopbackDoor implements AutoCloseable {
    private static final int MAX_REQUEST = 1 << 20;
    private final ServerSocket server;
    private final Path file;
    private final String token;

    private LoopbackDoor(ServerSocket server, Path file, String token) {
        this.server = server;
        this.file = file;
        this.token = token;
    }

    /** Binds an ephemeral loopback port and publishes it with a new token in {@code file} (mode 0600). */
    static LoopbackDoor open(Path file) throws IOException {
        var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, server.getLocalPort() + " " + token + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new LoopbackDoor(server, file, token);
    }

    /** Accepts connections until closed, handing each request's socket to {@code serve} on the caller's terms. */
    void accept(Consumer<Runnable> spawn, Handler handler) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                spawn.accept(() -> serve(socket, handler));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Runs one request against the engine. */
    interface Handler {
        void run(Exec.Request request, Exec.Reply reply) throws IOException;
    }

    private void serve(Socket socket, Handler handler) {
        try (socket) {
            socket.setSoTimeout(10_000); // for the request only: a command itself may run as long as it likes
            var fields = new Fields(new BufferedInputStream(socket.getInputStream()));
            if (!MessageDigest.isEqual(fields.next().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) return;
            if (!fields.next().equals("1")) return;
            Path cwd = Path.of(fields.next());
            boolean tty = fields.next().equals("1");
            var env = new HashMap<String, String>();
            for (int n = fields.count(); n > 0; n--) {
                String pair = fields.next();
                int eq = pair.indexOf('=');
                if (eq > 0) env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            var argv = new ArrayList<String>();
            for (int n = fields.count(); n > 0; n--) argv.add(fields.next());
            socket.setSoTimeout(0);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            write(out, "ok");
            out.flush();
            handler.run(new Exec.Request(List.copyOf(argv), cwd, env, tty), reply(out));
        } catch (IOException | RuntimeException e) {
            // a bad request or a shim gone away (Ctrl-C): nothing to answer
        }
    }

    private static Exec.Reply reply(OutputStream out) {
        return new Exec.Reply() {
            @Override public void out(String line) throws IOException { lines(out, '1', line); }

            @Override public void err(String line) throws IOException { lines(out, '2', line); }

            @Override public void handoff(ExecPlan plan) throws IOException {
                write(out, "j");
                out.flush();
            }

            @Override public void exit(int status) throws IOException {
                write(out, "c" + (status & 0xff));
                out.flush();
            }
        };
    }

    // One output line may hold several: each gets its own prefix, or bash would print it as a reply.
    private static void lines(OutputStream out, char stream, String text) throws IOException {
        for (String line : text.split("\n", -1)) write(out, stream + line);
        out.flush();
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The request's NUL-terminated fields, at most {@link #MAX_REQUEST} bytes in all. */
    private static final class Fields {
        private final InputStream in;
        private int budget = MAX_REQUEST;

        Fields(InputStream in) { this.in = in; }

        String next() throws IOException {
            var bytes = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != 0; ) {
                if (b < 0 || --budget < 0) throw new IOException("request cut short or too long");
                bytes.write(b);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        int count() throws IOException {
            int n = Integer.parseInt(next());
            if (n < 0 || n > 100_000) throw new IOException("bad count " + n);
            return n;
        }
    }

    /** Stops accepting and removes the file, unless another host has written its own door there since. */
    @Override
    public void close() {
        try {
            server.close();
            if (Files.exists(file) && Files.readString(file).contains(" " + token)) Files.delete(file);
        } catch (IOException e) {
            // best effort: a stale door only sends a shim to the Java client
        }
    }
}
