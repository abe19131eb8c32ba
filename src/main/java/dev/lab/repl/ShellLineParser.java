package dev.lab.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser, plus bash's own judgement of when a shell line is complete: an open heredoc,
 * {@code for … do}, quote or trailing backslash makes JLine ask for the next line ({@code > }), as
 * bash does, and the whole block becomes one line of history.
 */
final class ShellLineParser extends DefaultParser {
    private final Predicate<String> replCommand;

    /** @param replCommand whether a first word is one of the REPL's own commands (those lines are never continued) */
    ShellLineParser(Predicate<String> replCommand) {
        this.replCommand = replCommand;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && isShellLine(line) && incomplete(shellPart(line))) {
            throw new EOFError(-1, -1, "incomplete shell line");
        }
        return super.parse(line, cursor, context);
    }

    private boolean isShellLine(String line) {
        String t = line.strip();
        return !t.isEmpty() && (t.startsWith("!") || !replCommand.test(t.split("\\s+", 2)[0]));
    }

    private static String shellPart(String line) {
        String t = line.stripLeading();
        return t.startsWith("!") ? t.substring(1) : line;
    }

    /** Asks {@code bash -n} (parse only): bash knows its grammar better than any copy of it. */
    static boolean incomplete(String script) {
        int backslashes = 0;
        for (int i = script.length() - 1; i >= 0 && script.charAt(i) == '\\'; i--) backslashes++;
        if (backslashes % 2 == 1) return true;
        try {
            var pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-n", "-c", script).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
            return said.contains("unexpected end of file") || said.contains("unexpected EOF while looking for matching")
                    || said.contains("delimited by end-of-file");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
