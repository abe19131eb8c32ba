package dev.lab.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lab.engine.Engine;
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
 * input is not forwarded: none of the lab's commands reads it.
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
            Io io = new Io(line -> send(out, Frames.STDOUT, line), line -> send(out, Frames.STDERR, line));
            status = LabCommands.run(engine, images, argv, Path.of(r.path("cwd").asText()), env, io);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            send(out, Frames.STDERR, "lab: " + e.getMessage());
            status = 1;
        }
        Frames.write(out, Frames.EXIT, ByteBuffer.allocate(4).putInt(status).array());
    }

    private static void send(DataOutputStream out, byte type, String line) {
        try {
            Frames.write(out, type, line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
