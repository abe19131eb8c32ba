package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one shell command line the way bash would for the subset labs use: words, single and
 * double quotes, backslash escapes, and the operators {@code |}, {@code &&}, {@code ||}, {@code ;}.
 * Redirections and other shell syntax are rejected by {@link Shell}, not guessed at.
 */
final class Tokens {
    private Tokens() {}

    /** A word or an operator; operators are never quoted. */
    record Token(String text, boolean operator) {}

    static List<Token> split(String line) {
        var out = new ArrayList<Token>();
        var word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new ShellError("unterminated ' quote");
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    if (line.charAt(j) == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) j++;
                    word.append(line.charAt(j));
                }
                if (j >= line.length()) throw new ShellError("unterminated \" quote");
                i = j;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(new Token(word.toString(), false));
                word.setLength(0);
                inWord = false;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '|' || c == '&' || c == ';') {
                if (inWord) out.add(new Token(word.toString(), false));
                word.setLength(0);
                inWord = false;
                boolean doubled = i + 1 < line.length() && line.charAt(i + 1) == c && c != ';';
                if (c == '&' && !doubled) throw new ShellError("background jobs (&) are not supported");
                out.add(new Token(doubled ? "" + c + c : "" + c, true));
                if (doubled) i++;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(new Token(word.toString(), false));
        return out;
    }
}
