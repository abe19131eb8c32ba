package dev.lab.session;

import dev.lab.lab.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Bash's own syntax check ({@code bash -n}) of a run or solve block, its messages pointing at lab file lines. */
public final class BlockSyntax {
    private static final Pattern LINE = Pattern.compile("^bash: (?:-c: )?line (\\d+): ");

    private BlockSyntax() {}

    /** The block's syntax errors as {@code file:line: message}; empty when bash accepts it. */
    public static List<String> errors(Path file, Block block) {
        try {
            Process p = new ProcessBuilder("bash", "--noprofile", "--norc", "-n", "-c", block.content() + "\n").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) return List.of();
            var problems = new ArrayList<String>();
            for (String line : out.strip().split("\n")) {
                var m = LINE.matcher(line);
                problems.add(m.find() ? file.getFileName() + ":" + (block.line() + Integer.parseInt(m.group(1))) + ": " + line.substring(m.end())
                        : file.getFileName() + ":" + block.line() + ": " + line);
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bash -n: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
