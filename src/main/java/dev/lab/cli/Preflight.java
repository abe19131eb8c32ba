package dev.lab.cli;

import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.PortMapping;
import dev.lab.compose.Service;
import dev.lab.doctor.SourceLines;
import dev.lab.engine.EngineException;
import dev.lab.engine.embedded.ServiceCommands;
import dev.lab.lab.Lab;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lab run} and {@code lab test} check before the first step: every compose variant parses
 * (a bad one is one line with file:line, not a failure in step 7), and no port a variant publishes
 * is taken by another program (one line, exit 2, instead of every step failing behind it). On the embedded
 * engine a lab loads only when every service's {@code entrypoint}/{@code command} is one it runs.
 */
final class Preflight {
    private final List<ComposeFile> variants = new ArrayList<>();

    /** Parses every variant of the lab; throws the first {@link dev.lab.compose.ComposeException}. */
    Preflight(Lab lab) {
        Path root = lab.variantsRoot();
        for (String rel : lab.variants().values()) variants.add(ComposeParser.parse(root.resolve(rel)));
    }

    /**
     * Throws the first service of the lab's variants that the embedded engine would refuse to run, at the line of its
     * {@code entrypoint}/{@code command}; a variant that does not parse is left to the run that installs it.
     */
    static void embeddedCommands(Lab lab) {
        for (String rel : lab.variants().values()) {
            ComposeFile f;
            try {
                f = ComposeParser.parse(lab.variantsRoot().resolve(rel));
            } catch (RuntimeException e) {
                continue;
            }
            var refused = embeddedRefusals(f);
            if (!refused.isEmpty()) throw refused.get(0);
        }
    }

    /**
     * The services of {@code f} the embedded engine would refuse to run, each at the line of its {@code entrypoint}
     * (else {@code command}) in the engine's words ({@code lab validate} reports them all).
     */
    static List<ComposeException> embeddedRefusals(ComposeFile f) {
        var out = new ArrayList<ComposeException>();
        SourceLines lines = null;
        for (Service s : f.services().values()) {
            var refusal = ServiceCommands.refusal(s);
            if (refusal.isEmpty()) continue;
            if (lines == null) lines = new SourceLines(read(f.source()));
            int line = lines.key(s, s.run().entrypoint() != null ? "entrypoint" : "command");
            out.add(new ComposeException(f.source(), line, refusal.get()));
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Throws naming the port, its address and the service that publishes it when something else listens there. */
    void portsFree() throws EngineException {
        for (ComposeFile f : variants) {
            for (Service s : f.services().values()) {
                for (PortMapping p : s.ports()) {
                    if (p.hostPort() == 0) continue;
                    String host = p.hostIp() == null ? "0.0.0.0" : p.hostIp();
                    try (var socket = new ServerSocket()) {
                        socket.bind(new InetSocketAddress(host, p.hostPort()));
                    } catch (IOException e) {
                        throw new EngineException("port " + p.hostPort() + " is already in use on " + host + " (published by service "
                                + s.name() + " in " + f.source().getFileName() + "); stop what listens there and run again");
                    }
                }
            }
        }
    }
}
