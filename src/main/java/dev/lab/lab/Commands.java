package dev.lab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits shell block content into commands, keeping each command's starting line. */
final class Commands {

    // "<<EOF", "<<-EOF", "<< 'EOF'" but not the here-string "<<<".
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    private Commands() {
    }

    /**
     * Joins lines ending in {@code \} with the next line, drops blank and {@code #} comment lines,
     * and keeps heredoc bodies (up to their delimiter) inside the command that opens them.
     *
     * @param content   the block content
     * @param firstLine the 1-based file line of the content's first line
     */
    static List<Command> split(String content, int firstLine) {
        List<Command> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        StringBuilder text = null;
        int start = 0;
        String heredocEnd = null;
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (heredocEnd != null) {
                text.append('\n').append(raw);
                if (raw.strip().equals(heredocEnd)) {
                    out.add(new Command(text.toString(), start));
                    text = null;
                    heredocEnd = null;
                }
                continue;
            }
            String trimmed = raw.strip();
            if (text == null) {
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                text = new StringBuilder();
                start = firstLine + i;
            }
            boolean continues = trimmed.endsWith("\\");
            String part = continues ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
            if (text.length() > 0 && !part.isEmpty()) {
                text.append(' ');
            }
            text.append(part);
            if (continues) {
                continue;
            }
            heredocEnd = heredocDelimiter(text.toString());
            if (heredocEnd == null) {
                out.add(new Command(text.toString(), start));
                text = null;
            }
        }
        if (text != null) {
            // A trailing backslash or an unterminated heredoc still yields the command as written.
            out.add(new Command(text.toString(), start));
        }
        return List.copyOf(out);
    }

    private static String heredocDelimiter(String command) {
        Matcher m = HEREDOC.matcher(command);
        String delimiter = null;
        while (m.find()) {
            delimiter = m.group(2);
        }
        return delimiter;
    }
}
