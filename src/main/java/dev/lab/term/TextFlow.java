package dev.lab.term;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Styled inline text that can be word-wrapped by display columns.
 *
 * <p>Spaces appended through {@link #appendGlued} are not break opportunities, so an inline
 * code span such as {@code aws s3 ls} stays on one line unless it is wider than a whole line.
 */
final class TextFlow {
    private final AttributedStringBuilder text = new AttributedStringBuilder();
    private final BitSet glued = new BitSet();

    TextFlow append(String s, AttributedStyle style) {
        text.append(s, style);
        return this;
    }

    TextFlow append(AttributedString s) {
        text.append(s);
        return this;
    }

    TextFlow appendGlued(String s, AttributedStyle style) {
        glued.set(text.length(), text.length() + s.length());
        text.append(s, style);
        return this;
    }

    int length() {
        return text.length();
    }

    /** Plain text appended since the given {@link #length()} mark. */
    String plainSince(int mark) {
        return text.substring(mark, text.length()).toString();
    }

    boolean isBlank() {
        return text.toString().isBlank();
    }

    AttributedString toAttributedString() {
        return text.toAttributedString();
    }

    /** Splits the text into lines no wider than {@code width} columns (at least one). */
    List<AttributedString> wrap(int width) {
        AttributedString all = text.toAttributedString();
        List<AttributedString> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= all.length(); i++) {
            if (i == all.length() || all.charAt(i) == '\n') {
                new Line(out, Math.max(1, width)).fill(all, start, i);
                start = i + 1;
            }
        }
        return out;
    }

    private boolean isBreak(AttributedString all, int i) {
        return all.charAt(i) == ' ' && !glued.get(i);
    }

    /** Greedy filler for one hard line; completed lines go to {@code out}. */
    private final class Line {
        private final List<AttributedString> out;
        private final int width;
        private AttributedStringBuilder line = new AttributedStringBuilder();
        private int cols;

        Line(List<AttributedString> out, int width) {
            this.out = out;
            this.width = width;
        }

        void fill(AttributedString all, int from, int to) {
            int separator = -1;
            int i = from;
            while (i < to) {
                if (isBreak(all, i)) {
                    separator = separator < 0 ? i : separator;
                    i++;
                    continue;
                }
                int end = i;
                while (end < to && !isBreak(all, end)) {
                    end++;
                }
                AttributedString word = all.subSequence(i, end);
                int w = Width.columns(word);
                if (cols > 0 && separator >= 0 && cols + 1 + w <= width) {
                    // Keep the separator's own style so underlined or italic runs stay continuous.
                    line.append(all.subSequence(separator, separator + 1));
                    line.append(word);
                    cols += 1 + w;
                } else {
                    if (cols > 0) {
                        flush();
                    }
                    place(word);
                }
                separator = -1;
                i = end;
            }
            flush();
        }

        /** Puts a word at the start of a line, splitting it by columns when it cannot fit. */
        private void place(AttributedString word) {
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int w = Width.of(cp);
                int n = Character.charCount(cp);
                if (cols > 0 && cols + w > width) {
                    flush();
                }
                line.append(word.subSequence(i, i + n));
                cols += w;
                i += n;
            }
        }

        private void flush() {
            out.add(line.toAttributedString());
            line = new AttributedStringBuilder();
            cols = 0;
        }
    }
}
