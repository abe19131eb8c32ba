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
import java.util.Map;

/**
 * One lab command run in the host against its engine, for a shim: its output lines, then its exit
 * status; or, for a {@code docker exec}, a hand-off: the shim runs that host process with its own
 * terminal. Standard input is not forwarded: none of the lab's commands reads it. The Java client
 * speaks frames ({@link #frames}); the bash shims speak lines through {@link LoopbackDoor}.
 */
final class Exec {
    private Exec() {}

    /** What a shim asked for: the command line, its working folder, its {@code AWS_*} variables, whether it has a terminal. */
    record Request(List<String> argv, Path cwd, Map<String, String> env, boolean tty) {}

    /** Where a command's output, hand-off and status go. */
    interface Reply {
        void out(String line) throws IOException;

        void err(String line) throws IOException;

        void handoff(ExecPlan plan) throws IOException;

        void exit(int status) throws IOException;
    }

    static void run(Engine engine, Map<String, String> images, Request r, Reply reply) throws IOException {
        int status;
        try {
            Io io = new Io(line -> unchecked(() -> reply.out(line)), line -> unchecked(() -> reply.err(line)), new Io.Handoff() {
                @Override public boolean terminal() { return r.tty(); }

                @Override public int run(ExecPlan plan) {
                    unchecked(() -> reply.handoff(plan));
                    return HANDED;
                }
            });
            status = LabCommands.run(engine, images, r.argv(), r.cwd(), r.env(), io);
            if (status == HANDED) return; // the client runs the plan and exits with its status
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            reply.err("lab: " + e.getMessage());
            status = 1;
        }
        reply.exit(status);
    }

    /** The request of the Java client's {@code exec} frame. */
    static Request parse(byte[] json) throws IOException {
        JsonNode r = Wire.parse(json);
        var env = new HashMap<String, String>();
        r.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return new Request(EngineCalls.strings(r.path("argv")), Path.of(r.path("cwd").asText()), env, r.path("tty").asBoolean());
    }

    /** Replies as frames: {@code stdout}/{@code stderr} line by line, then {@code exit} or {@code run}. */
    static Reply frames(DataOutputStream out) {
        return new Reply() {
            @Override public void out(String line) throws IOException { Frames.write(out, Frames.STDOUT, line + "\n"); }

            @Override public void err(String line) throws IOException { Frames.write(out, Frames.STDERR, line + "\n"); }

            @Override public void handoff(ExecPlan plan) throws IOException { Frames.write(out, Frames.RUN, encode(plan)); }

            @Override public void exit(int status) throws IOException {
                Frames.write(out, Frames.EXIT, ByteBuffer.allocate(4).putInt(status).array());
            }
        };
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

    private interface IoCall {
        void run() throws IOException;
    }

    // The engine's callbacks cannot throw IOException: a client gone away travels out as UncheckedIOException.
    private static void unchecked(IoCall call) {
        try {
            call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
