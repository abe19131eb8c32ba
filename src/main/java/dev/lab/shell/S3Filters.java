package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --exclude} and {@code --include} of the s3 transfer commands, as the AWS CLI applies them:
 * in the order given, the last pattern that matches decides, everything is included by default, and
 * a pattern is an fnmatch glob ({@code *} crosses {@code /}) on the path below the source.
 */
final class S3Filters {
    private record Rule(boolean include, Pattern glob) {}

    private final List<Rule> rules;

    private S3Filters(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules in {@code argv}'s order (AwsArgs keeps only the last value of a repeated option). */
    static S3Filters of(List<String> argv) {
        var rules = new ArrayList<Rule>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            for (String option : List.of("--exclude", "--include")) {
                String value = a.startsWith(option + "=") ? a.substring(option.length() + 1)
                        : a.equals(option) && i + 1 < argv.size() ? argv.get(i + 1) : null;
                if (value != null) rules.add(new Rule(option.equals("--include"), glob(value)));
            }
        }
        return new S3Filters(rules);
    }

    /** Whether {@code relative} (a path or key below the source) is transferred. */
    boolean includes(String relative) {
        boolean included = true;
        for (Rule r : rules) {
            if (r.glob().matcher(relative).matches()) included = r.include();
        }
        return included;
    }

    // Python's fnmatch.translate: * and ? match any character, [!…] negates a set.
    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else if (c == '[' && pattern.indexOf(']', i + 1) > i) {
                int end = pattern.indexOf(']', i + 1);
                String set = pattern.substring(i + 1, end);
                re.append('[').append(set.startsWith("!") ? "^" + Pattern.quote(set.substring(1)).replace("\\Q", "").replace("\\E", "") : set).append(']');
                i = end;
            } else re.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
