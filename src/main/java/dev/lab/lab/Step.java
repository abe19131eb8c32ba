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
 * @param line            1-based file line of the heading
 * @param displayMarkdown the step's Markdown without heading and without hint, solve and notes blocks
 * @param blocks          every fenced block of the step in file order
 */
public record Step(int number, String id, String title, String variant, boolean expectFail, int line,
                   String displayMarkdown, List<Block> blocks) {

    /** Copies the block list so the step stays immutable. */
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(displayMarkdown, "displayMarkdown");
        blocks = List.copyOf(blocks);
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
