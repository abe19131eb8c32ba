package dev.lab.compose;

import java.util.ArrayList;
import java.util.List;

/** Splits a string {@code command}/{@code entrypoint} into words as Compose does (POSIX shell quoting, no expansion). */
final class Words {
    private Words() {}

    /** The words, or {@code null} when a quote is left open. */
    static List<String> split(String text) {
        var out = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote == '\'') {
                if (ch == '\'') quote = 0; else word.append(ch);
            } else if (quote == '"') {
                if (ch == '"') quote = 0;
                else if (ch == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) word.append(text.charAt(++i));
                else word.append(ch);
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (ch == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) out.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) return null;
        if (inWord) out.add(word.toString());
        return out;
    }
}
