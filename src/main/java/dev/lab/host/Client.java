package dev.lab.host;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shims' entry point: {@code Client docker|docker-compose|aws|awslocal ARGS…} runs the lab's
 * command in the engine host and exits with its status. It uses only {@code java.base} and writes
 * its one request's JSON by hand (a list of strings and a flat map need nothing more than string
 * escaping), so it starts in about a tenth of a second. The bash shims use it for {@code docker exec}
 * (it owns the terminal) and where the host's loopback door is closed.
 */
public final class Client {
    private Client() {}

    public static void main(String[] args) throws IOException {
        String socketName = System.getenv().getOrDefault("LAB_ENGINE_SOCKET", System.getProperty("lab.socket", ""));
        if (socketName.isEmpty() || args.length == 0) {
            System.err.println("lab: no engine host socket (LAB_ENGINE_SOCKET); open a terminal with `lab shell` or `eval \"$(lab env)\"`");
            System.exit(2);
        }
        Path socket = Path.of(socketName);
        try {
            System.exit(exec(socket, args));
        } catch (IOException e) {
            System.err.println("lab: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static int exec(Path socket, String[] args) throws IOException {
        if (!Spawner.answers(socket)) {
            var paths = new HostPaths(Path.of(System.getProperty("lab.engine.dir", socket.getParent().toString())));
            Path startArgs = paths.startArgs();
            if (!Files.exists(startArgs)) throw new IOException("no engine host answers on " + socket + "; run `lab shell` or `lab start`");
            Spawner.ensure(paths, Files.readAllLines(startArgs), 60_000, System.err::println);
        }
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            DataOutputStream out = Frames.out(channel);
            Frames.write(out, Frames.EXEC, request(args));
            DataInputStream in = Frames.in(channel);
            PrintStream stdout = System.out;
            for (Frames.Frame f; (f = Frames.read(in)) != null; ) {
                switch (f.type()) {
                    case Frames.STDOUT -> { stdout.write(f.payload()); stdout.flush(); }
                    case Frames.STDERR -> { System.err.write(f.payload()); System.err.flush(); }
                    case Frames.EXIT -> { return ByteBuffer.wrap(f.payload()).getInt(); }
                    case Frames.RUN -> { return runPlan(f.payload()); }
                    default -> throw new IOException("unexpected reply " + (char) f.type() + " from the engine host");
                }
            }
            throw new IOException("the engine host went away before the command ended (see " + socket.resolveSibling("host.log") + ")");
        }
    }

    private static String request(String[] args) {
        var json = new StringBuilder("{\"argv\":[");
        for (int i = 0; i < args.length; i++) json.append(i == 0 ? "" : ",").append(string(args[i]));
        json.append("],\"tty\":").append(System.console() != null);
        json.append(",\"cwd\":").append(string(Path.of("").toAbsolutePath().toString())).append(",\"env\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith("AWS_") && !e.getKey().equals("LAB_MOUNTS")) continue;
            json.append(first ? "" : ",").append(string(e.getKey())).append(':').append(string(e.getValue()));
            first = false;
        }
        return json.append("}}").toString();
    }

    /**
     * Runs a {@code docker exec}'s host process (see {@code Exec.encode}): with the terminal when it asks for one,
     * else with its output through pipes, so that it sees no terminal, as in a container without {@code -t}.
     */
    private static int runPlan(byte[] payload) throws IOException {
        var d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        var argv = new java.util.ArrayList<String>();
        for (int n = d.readInt(); n > 0; n--) argv.add(d.readUTF());
        boolean inheritEnv = d.readBoolean(), tty = d.readBoolean(), interactive = d.readBoolean();
        var builder = new ProcessBuilder(argv);
        if (!inheritEnv) builder.environment().clear();
        for (int n = d.readInt(); n > 0; n--) builder.environment().put(d.readUTF(), d.readUTF());
        builder.redirectInput(interactive ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (tty) builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = builder.start();
        try {
            if (!tty) {
                var err = new Thread(() -> pump(p.getErrorStream(), System.err));
                err.start();
                pump(p.getInputStream(), System.out);
                err.join();
            }
            return p.waitFor();
        } catch (InterruptedException e) {
            return 130;
        }
    }

    private static void pump(java.io.InputStream in, PrintStream to) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the program closed its end
        }
    }

    /** A JSON string literal. */
    static String string(String s) {
        var out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
