package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lab.engine.Engine;
import dev.lab.engine.ExecPlan;
import dev.lab.shell.Io;
import dev.lab.shell.LabCommands;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * One {@code exec} request: a lab command run in the host against its engine, its output sent
 * back as {@code stdout}/{@code stderr} frames line by line, then an {@code exit} frame. Standard
 * input is not forwarded: none of the lab's commands reads it. A {@code docker exec} instead ends
 * with a {@code run} frame: the client runs that host process with its own terminal.
 */
final class Exec {
    private Exec() {}

    static void run(Engine engine, java.util.Map<String, String> images, byte[] request, DataOutputStream out) throws IOException {
        int status;
        try {
            JsonNode r = Wire.parse(request);
            List<String> argv = EngineCalls.strings(r.path("argv"));
            var env = new HashMap<String, String>();
            r.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            boolean terminal = r.path("tty").asBoolean();
            Io io = new Io(line -> send(out, Frames.STDOUT, line), line -> send(out, Frames.STDERR, line), new Io.Handoff() {
                @Override public boolean terminal() { return terminal; }

                @Override public int run(ExecPlan plan) {
                    try {
                        Frames.write(out, Frames.RUN, encode(plan));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return HANDED;
                }
            });
            status = LabCommands.run(engine, images, argv, Path.of(r.path("cwd").asText()), env, io);
            if (status == HANDED) return; // the client runs the plan and exits with its status
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            send(out, Frames.STDERR, "lab: " + e.getMessage());
            status = 1;
        }
        Frames.write(out, Frames.EXIT, ByteBuffer.allocate(4).putInt(status).array());
    }

    /** The plan as {@link Client} reads it: java.base's DataOutput, no JSON parser on that side. */
    static byte[] encode(ExecPlan plan) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        var d = new DataOutputStream(bytes);
        d.writeInt(plan.argv().size());
        for (String a : plan.argv()) d.writeUTF(a);
        d.writeBoolean(plan.inheritEnv());
        d.writeBoolean(plan.tty());
        d.writeBoolean(plan.interactive());
        d.writeInt(plan.env().size());
        for (var e : plan.env().entrySet()) {
            d.writeUTF(e.getKey());
            d.writeUTF(e.getValue());
        }
        d.flush();
        return bytes.toByteArray();
    }

    private static final int HANDED = Integer.MIN_VALUE;

    private static void send(DataOutputStream out, byte type, String line) {
        try {
            Frames.write(out, type, line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
