package dev.lab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a {@code check} block, e.g. {@code object portal-blog-uploads/abc-123.jpg exists}.
 *
 * @param text    the check without its edition scope
 * @param edition the edition this check is limited to ({@code community}, {@code pro}, ...), or
 *                {@code null} when it applies to every edition
 * @param line    the 1-based file line of the check
 */
public record CheckLine(String text, String edition, int line) {

    private static final Pattern SCOPE = Pattern.compile("^\\[([A-Za-z0-9_-]+)]\\s*(.*)$");

    /**
     * Splits a check block's content into check lines, skipping blank and {@code #} lines.
     * A line's own {@code [edition]} scope wins over the block's {@code edition=} attribute.
     */
    static List<CheckLine> parseAll(String content, int firstLine, String blockEdition) {
        List<CheckLine> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher scope = SCOPE.matcher(text);
            if (scope.matches()) {
                out.add(new CheckLine(scope.group(2).strip(), scope.group(1), firstLine + i));
            } else {
                out.add(new CheckLine(text, blockEdition, firstLine + i));
            }
        }
        return List.copyOf(out);
    }
}
