package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;

/** One titled block of rows at an indent level of a {@code --output table} (awscli/table.py's sections). */
final class CliTableSection {
    String title = "";
    List<String> headers = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    int indent;
    Integer columns;
    List<Integer> maxWidths = new ArrayList<>();

    void header(List<String> h) {
        widen(h);
        if (columns == null) columns = h.size();
        headers = h;
    }

    void row(List<String> r) {
        if (columns == null) columns = r.size();
        rows.add(r);
        widen(r);
    }

    private void widen(List<String> r) {
        if (maxWidths.isEmpty()) {
            r.forEach(e -> maxWidths.add(width(e)));
        } else {
            for (int i = 0; i < r.size() && i < maxWidths.size(); i++) maxWidths.set(i, Math.max(width(r.get(i)), maxWidths.get(i)));
        }
    }

    List<Integer> columnWidths(int padding, Integer max) {
        var unscaled = maxWidths.stream().map(w -> w + padding).toList();
        if (max == null || unscaled.isEmpty()) return unscaled;
        double factor = max / (double) unscaled.stream().mapToInt(Integer::intValue).sum();
        var scaled = new ArrayList<Integer>();
        unscaled.forEach(w -> scaled.add((int) Math.rint(factor * w)));
        int off = scaled.stream().mapToInt(Integer::intValue).sum() - max;
        while (off != 0) {
            for (int k = 0; k < scaled.size() && off != 0; k++) {
                int i = off < 0 ? scaled.size() - 1 - k : k;
                scaled.set(i, scaled.get(i) + (off > 0 ? -1 : 1));
                off += off > 0 ? -1 : 1;
            }
        }
        return scaled;
    }

    int totalWidth() {
        int total = columnWidths(0, null).stream().mapToInt(w -> w + 4).sum() + 2 + 2 * indent;
        return Math.max(width(title) + 2 + 2 * indent, total);
    }

    /** Display width: East Asian wide and ambiguous characters take two columns, as the CLI counts them. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.HANGUL_SYLLABLES || b == Character.UnicodeBlock.HANGUL_JAMO
                || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.HIRAGANA
                || b == Character.UnicodeBlock.KATAKANA || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }
}
