package dev.lab.lab;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;

/** Turns a fenced code block into a {@link Block} by reading its info string. */
final class BlockReader {

    private static final Pattern INFO = Pattern.compile("^([^\\s{]+)?\\s*(?:\\{([^{}]*)})?\\s*$");
    private static final Pattern EDITION = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> CONTENT_LANGUAGES = Set.of("check", "hint", "notes");

    private BlockReader() {
    }

    /**
     * Classifies a fenced block: {@code {run}} and {@code {solve}} attributes, or the languages
     * {@code solve}, {@code check}, {@code hint}, {@code notes}; everything else is plain code.
     *
     * @param file  the lab file, for error messages
     * @param fence the parsed block
     * @param line  the 1-based file line of the opening fence
     */
    static Block read(Path file, FencedCodeBlock fence, int line) {
        String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
        Matcher m = INFO.matcher(info);
        if (!m.matches()) {
            throw new LabException(file, line, "malformed code block info '" + info + "' (expected: language {attributes})");
        }
        String language = m.group(1);
        boolean run = false;
        boolean solve = false;
        boolean expectFail = false;
        String edition = null;
        Set<String> seen = new HashSet<>();
        for (Attributes.Attribute a : Attributes.parse(m.group(2) == null ? "" : m.group(2))) {
            if (!seen.add(a.key())) {
                throw new LabException(file, line, "duplicate block attribute '" + a.raw() + "'");
            }
            if (a.key().equals("run") && a.value() == null) {
                run = true;
            } else if (a.key().equals("solve") && a.value() == null) {
                solve = true;
            } else if (a.key().equals("expect") && "fail".equals(a.value())) {
                expectFail = true;
            } else if (a.key().equals("edition") && a.value() != null && EDITION.matcher(a.value()).matches()) {
                edition = Editions.require(file, line, a.value());
            } else {
                throw new LabException(file, line, "unknown block attribute '" + a.raw() + "'");
            }
        }
        if (run && solve) {
            throw new LabException(file, line, "a block cannot be both 'run' and 'solve'");
        }
        if ((run || solve) && CONTENT_LANGUAGES.contains(language)) {
            throw new LabException(file, line, "a '" + language + "' block cannot be '" + (run ? "run" : "solve") + "'");
        }
        Block.Kind kind = kind(language, run, solve);
        if (expectFail && kind != Block.Kind.RUN && kind != Block.Kind.SOLVE) {
            throw new LabException(file, line, "expect=fail only applies to run and solve blocks");
        }
        String literal = fence.getLiteral() == null ? "" : fence.getLiteral();
        String content = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return new Block(kind, language, content, expectFail, edition, line);
    }

    private static Block.Kind kind(String language, boolean run, boolean solve) {
        if (run) {
            return Block.Kind.RUN;
        }
        if (solve || "solve".equals(language)) {
            return Block.Kind.SOLVE;
        }
        if (language == null) {
            return Block.Kind.CODE;
        }
        return switch (language) {
            case "check" -> Block.Kind.CHECK;
            case "hint" -> Block.Kind.HINT;
            case "notes" -> Block.Kind.NOTES;
            default -> Block.Kind.CODE;
        };
    }
}
