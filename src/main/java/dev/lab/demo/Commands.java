package dev.lab.demo;

import dev.lab.lab.Block;
import dev.lab.lab.Step;
import dev.lab.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands a demo types out for a step: its {@code run} blocks, an exercise's {@code solve}
 * blocks, cut into complete commands. Bash itself ({@code bash -n}) says where a command ends, so a
 * heredoc, a loop or a continued line stays one command.
 */
final class Commands {
    private Commands() {
    }

    /** One command and whether its block expects it to fail. */
    record Command(String text, boolean expectFail) {
    }

    static List<Command> of(Step step, String edition) {
        List<Block> blocks = step.exercise() && !step.solveBlocks().isEmpty() ? step.solveBlocks() : step.runBlocks();
        var out = new ArrayList<Command>();
        for (Block b : blocks) {
            if (!Session.appliesTo(b.edition(), edition)) continue;
            boolean fails = b.expectFail() || step.expectFail();
            for (String c : split(b.content())) out.add(new Command(c, fails));
        }
        return out;
    }

    /** Cuts a script into complete commands, leaving out blank lines and comment lines between them. */
    static List<String> split(String script) {
        var out = new ArrayList<String>();
        var pending = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (pending.isEmpty() && (line.isBlank() || line.strip().startsWith("#"))) continue;
            if (!pending.isEmpty()) pending.append('\n');
            pending.append(line);
            if (complete(pending.toString())) {
                out.add(pending.toString().strip());
                pending.setLength(0);
            }
        }
        if (!pending.toString().isBlank()) out.add(pending.toString().strip());
        return out;
    }

    private static boolean complete(String text) {
        if (text.endsWith("\\")) return false;
        try {
            var p = new ProcessBuilder("bash", "--noprofile", "--norc", "-n").redirectErrorStream(true).start();
            p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            // An open heredoc is only a warning to bash -n: any word from it means "not yet".
            boolean quiet = p.getInputStream().readAllBytes().length == 0;
            return p.waitFor() == 0 && quiet;
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
