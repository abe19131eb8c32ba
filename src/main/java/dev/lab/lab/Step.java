package dev.lab.lab;

import java.util.List;
import java.util.Objects;

/**
 * One {@code ##} section of a lab.
 *
 * @param number          1-based position in the lab
 * @param id              the {@code #id} from the heading, unique in the lab
 * @param title           the heading text without the attribute list, as written (e.g. {@code 1. 파일 업로드})
 * @param variant         the {@code variant=} the step needs, or {@code null}
 * @param expectFail      {@code true} when the heading has {@code expect=fail}
 * @param kind            {@link Kind#DEMO} (the default) or {@link Kind#EXERCISE}, from {@code kind=}
 * @param line            1-based file line of the heading
 * @param displayMarkdown the step's Markdown without heading and without hint, solve and notes blocks
 * @param blocks          every fenced block of the step in file order
 */
public record Step(int number, String id, String title, String variant, boolean expectFail, Kind kind, int line,
                   String displayMarkdown, List<Block> blocks) {

    /** What the learner does with a step. */
    public enum Kind {
        /** {@code run} shows the lesson happening: the step's {@code run} blocks run for real. */
        DEMO,
        /** The learner does it with their own commands and editor; {@code check} proves it, {@code solve} is the give-up path. */
        EXERCISE;

        /** The kind named by a {@code kind=} value ({@code demo}, {@code exercise}), if any. */
        public static java.util.Optional<Kind> parse(String value) {
            for (Kind k : values()) if (k.word().equals(value)) return java.util.Optional.of(k);
            return java.util.Optional.empty();
        }

        /** The word the lab format uses. */
        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Copies the block list so the step stays immutable. */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(displayMarkdown, "displayMarkdown");
        Objects.requireNonNull(kind, "kind");
        blocks = List.copyOf(blocks);
    }

    /** Whether the learner does this step ({@code kind=exercise}) rather than watching it run. */
    public boolean exercise() {
        return kind == Kind.EXERCISE;
    }

    /** The {@code run} blocks in file order. */
    public List<Block> runBlocks() {
        return ofKind(Block.Kind.RUN);
    }

    /** The {@code solve} blocks in file order. */
    public List<Block> solveBlocks() {
        return ofKind(Block.Kind.SOLVE);
    }

    /** All check lines of all check blocks, in file order. */
    public List<CheckLine> checks() {
        return ofKind(Block.Kind.CHECK).stream().flatMap(b -> b.checkLines().stream()).toList();
    }

    /** The Markdown text of each hint block, in file order. */
    public List<String> hints() {
        return contents(Block.Kind.HINT);
    }

    /** The raw content of each solve block, in file order. */
    public List<String> solves() {
        return contents(Block.Kind.SOLVE);
    }

    /** The text of each notes block, in file order. */
    public List<String> notes() {
        return contents(Block.Kind.NOTES);
    }

    private List<Block> ofKind(Block.Kind kind) {
        return blocks.stream().filter(b -> b.kind() == kind).toList();
    }

    private List<String> contents(Block.Kind kind) {
        return ofKind(kind).stream().map(Block::content).toList();
    }
}
