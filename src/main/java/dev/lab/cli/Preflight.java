package dev.lab.cli;

import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.PortMapping;
import dev.lab.compose.Service;
import dev.lab.engine.EngineException;
import dev.lab.lab.Lab;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code lab run} and {@code lab test} check before the first step: every compose variant parses
 * (a bad one is one line with file:line, not a failure in step 7), and no port a variant publishes
 * is taken by another program (one line, exit 2, instead of every step failing behind it).
 */
final class Preflight {
    private final List<ComposeFile> variants = new ArrayList<>();

    /** Parses every variant of the lab; throws the first {@link dev.lab.compose.ComposeException}. */
    Preflight(Lab lab) {
        Path root = lab.variantsRoot();
        for (String rel : lab.variants().values()) variants.add(ComposeParser.parse(root.resolve(rel)));
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
