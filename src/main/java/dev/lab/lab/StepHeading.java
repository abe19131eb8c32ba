package dev.lab.lab;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a step's {@code ##} heading declares: {@code ## 1. 파일 업로드 {#upload variant=fixed}}.
 *
 * @param id         the {@code #id}
 * @param title      the heading text without the attribute list
 * @param variant    the {@code variant=} value, or {@code null}
 * @param expectFail whether {@code expect=fail} is present
 * @param kind       the {@code kind=} value, {@link Step.Kind#DEMO} when absent
 */
record StepHeading(String id, String title, String variant, boolean expectFail, Step.Kind kind) {

    private static final Pattern ATX_OPEN = Pattern.compile("^ {0,3}##(?:[ \\t]+|$)");
    private static final Pattern ATX_CLOSE = Pattern.compile("[ \\t]+#+[ \\t]*$");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    /**
     * Parses a heading from its source lines (one line for {@code ##}, text plus underline for setext).
     *
     * @param file     the lab file, for error messages
     * @param line     the 1-based file line of the heading
     * @param raw      the heading's source lines
     * @param variants the lab's declared variants
     */
    static StepHeading parse(Path file, int line, List<String> raw, Map<String, String> variants) {
        boolean atx = ATX_OPEN.matcher(raw.get(0)).lookingAt();
        String text = atx
                ? ATX_CLOSE.matcher(ATX_OPEN.matcher(raw.get(0)).replaceFirst("")).replaceFirst("").strip()
                : String.join(" ", raw.subList(0, raw.size() - 1)).strip();
        Attributes.Split split = Attributes.splitTrailing(text);
        if (split == null && !atx) {
            throw new LabException(file, line, "text followed by a '---' line is a level-2 heading; put a blank line"
                    + " before '---' for a horizontal rule, or write '## title {#id}' for a step");
        }
        if (split == null) {
            throw new LabException(file, line, "step heading '" + text + "' has no attribute list; add {#id} at the end");
        }
        String id = null;
        String variant = null;
        boolean expectFail = false;
        Step.Kind kind = Step.Kind.DEMO;
        Set<String> seen = new HashSet<>();
        for (Attributes.Attribute a : Attributes.parse(split.list())) {
            if (!seen.add(a.key())) {
                throw new LabException(file, line, "duplicate step attribute '" + a.raw() + "'");
            }
            if (a.key().equals("#")) {
                if (!ID.matcher(a.value()).matches()) {
                    throw new LabException(file, line, "invalid step id '" + a.value() + "' (use lowercase letters, digits and '-')");
                }
                id = a.value();
            } else if (a.key().equals("variant") && a.value() != null && !a.value().isEmpty()) {
                variant = a.value();
            } else if (a.key().equals("expect") && "fail".equals(a.value())) {
                expectFail = true;
            } else if (a.key().equals("kind")) {
                kind = Step.Kind.parse(a.value()).orElseThrow(() -> new LabException(file, line,
                        "unknown step kind '" + a.raw() + "' (known: kind=demo, kind=exercise)"));
            } else {
                throw new LabException(file, line, "unknown step attribute '" + a.raw() + "'");
            }
        }
        if (id == null) {
            throw new LabException(file, line, "step heading '" + split.text() + "' has no #id in {" + split.list().strip() + "}");
        }
        if (split.text().isEmpty()) {
            throw new LabException(file, line, "step '" + id + "' has no title");
        }
        if (variant != null && !variants.containsKey(variant)) {
            String known = variants.isEmpty() ? "the front matter declares no variants" : "known: " + String.join(", ", variants.keySet());
            throw new LabException(file, line, "unknown variant '" + variant + "' (" + known + ")");
        }
        return new StepHeading(id, split.text(), variant, expectFail, kind);
    }
}
