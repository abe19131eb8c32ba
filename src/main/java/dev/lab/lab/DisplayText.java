package dev.lab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Cuts the Markdown a terminal shows for the intro or a step out of the body lines. */
final class DisplayText {

    private DisplayText() {
    }

    /**
     * Joins {@code lines[from, to)} except the hidden ones, without leading or trailing blank lines.
     *
     * @param lines  the body lines
     * @param from   first line index, inclusive
     * @param to     last line index, exclusive
     * @param hidden indexes of lines to leave out (hint, solve and notes blocks)
     */
    static String between(List<String> lines, int from, int to, Set<Integer> hidden) {
        List<String> kept = new ArrayList<>();
        boolean afterHidden = false;
        for (int i = from; i < to; i++) {
            if (hidden.contains(i)) {
                afterHidden = true;
                continue;
            }
            boolean blank = lines.get(i).isBlank();
            // A removed block leaves its surrounding blank lines behind; keep only one of them.
            if (blank && (kept.isEmpty() || afterHidden && kept.get(kept.size() - 1).isBlank())) {
                continue;
            }
            afterHidden = false;
            kept.add(lines.get(i));
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        return String.join("\n", kept);
    }
}
