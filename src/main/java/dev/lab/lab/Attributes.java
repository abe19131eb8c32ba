package dev.lab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code {#id key=value flag}} attribute lists of step headings and fence info strings. */
final class Attributes {

    /** One attribute: {@code #id} has key {@code "#"}, a bare flag has a {@code null} value. */
    record Attribute(String key, String value, String raw) {
    }

    /** Text followed by a trailing {@code {...}} list; group 1 is the text, group 2 the list. */
    record Split(String text, String list) {
    }

    private static final Pattern TRAILING = Pattern.compile("^(.*?)\\s*\\{([^{}]*)}\\s*$", Pattern.DOTALL);

    private Attributes() {
    }

    /**
     * Splits off a trailing {@code {...}} attribute list.
     *
     * @return the split, or {@code null} when the text does not end with a braced list
     */
    static Split splitTrailing(String text) {
        Matcher m = TRAILING.matcher(text);
        return m.matches() ? new Split(m.group(1).strip(), m.group(2)) : null;
    }

    /** Parses the inside of a braced list into attributes, in order. */
    static List<Attribute> parse(String list) {
        List<Attribute> out = new ArrayList<>();
        for (String token : list.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("#")) {
                out.add(new Attribute("#", token.substring(1), token));
            } else {
                int eq = token.indexOf('=');
                out.add(eq < 0 ? new Attribute(token, null, token)
                        : new Attribute(token.substring(0, eq), token.substring(eq + 1), token));
            }
        }
        return out;
    }
}
