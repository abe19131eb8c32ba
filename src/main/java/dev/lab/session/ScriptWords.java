package dev.lab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple commands of a bash script, as words, for linting: quotes removed, here-document bodies,
 * comments, leading assignments and redirections skipped. A command with a word bash would expand
 * ({@code $VAR}, {@code $(…)}, globs are kept literally) is marked {@code dynamic}: its words are not final.
 */
final class ScriptWords {
    /** One simple command: its words, the script line it starts on (1-based), and whether a word expands. */
    record Simple(List<String> words, int line, boolean dynamic) {}

    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final List<String> KEYWORDS = List.of("if", "then", "else", "elif", "do", "while", "until", "!", "time", "{", "(");
    private static final Pattern REDIRECT = Pattern.compile("^[0-9]*(>>?|<<?<?|>&|<&|&>>?)(.*)$");

    private ScriptWords() {}

    static List<Simple> parse(String script) {
        var out = new ArrayList<Simple>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i;
            var text = new StringBuilder(lines[i]);
            while (text.toString().endsWith("\\") && i + 1 < lines.length) {
                text.setLength(text.length() - 1);
                text.append(' ').append(lines[++i]);
            }
            split(text.toString(), start + 1, out);
            Matcher h = HEREDOC.matcher(text);
            if (h.find()) {
                String end = h.group(2);
                while (i + 1 < lines.length && !lines[i + 1].strip().equals(end)) i++;
                i++;
            }
        }
        return out;
    }

    /** Splits one logical line at |, ||, &&, ;, & and parentheses outside quotes. */
    private static void split(String line, int lineNo, List<Simple> out) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        boolean dynamic = false;
        boolean wordDynamic = false;
        int depth = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (depth > 0) {
                if (c == '(') depth++;
                if (c == ')') depth--;
                word.append(c);
                continue;
            }
            if (c == '\'' ) {
                int end = line.indexOf('\'', k + 1);
                if (end < 0) end = line.length();
                word.append(line, k + 1, end);
                k = end;
                inWord = true;
            } else if (c == '"') {
                k++;
                while (k < line.length() && line.charAt(k) != '"') {
                    char d = line.charAt(k);
                    if (d == '\\' && k + 1 < line.length()) d = line.charAt(++k);
                    else if (d == '$' || d == '`') wordDynamic = true;
                    word.append(d);
                    k++;
                }
                inWord = true;
            } else if (c == '\\' && k + 1 < line.length()) {
                word.append(line.charAt(++k));
                inWord = true;
            } else if (c == '$' || c == '`') {
                wordDynamic = true;
                inWord = true;
                word.append(c);
                if (c == '$' && k + 1 < line.length() && line.charAt(k + 1) == '(') {
                    word.append('(');
                    k++;
                    depth = 1;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c) || c == '|' || c == '&' || c == ';' || c == '(' || c == ')') {
                if (inWord) {
                    words.add(word.toString());
                    dynamic |= wordDynamic;
                }
                word.setLength(0);
                inWord = false;
                wordDynamic = false;
                if (!Character.isWhitespace(c) && !(c == '&' && k > 0 && line.charAt(k - 1) == '>')) {
                    emit(words, lineNo, dynamic, out);
                    words = new ArrayList<>();
                    dynamic = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
            dynamic |= wordDynamic;
        }
        emit(words, lineNo, dynamic, out);
    }

    private static void emit(List<String> words, int lineNo, boolean dynamic, List<Simple> out) {
        var kept = new ArrayList<String>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (kept.isEmpty() && (KEYWORDS.contains(w) || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) continue;
            Matcher r = REDIRECT.matcher(w);
            if (r.matches()) {
                if (r.group(2).isEmpty()) i++;
                continue;
            }
            kept.add(w);
        }
        if (!kept.isEmpty()) out.add(new Simple(List.copyOf(kept), lineNo, dynamic));
    }
}
