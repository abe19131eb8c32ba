package dev.lab.lab;

import dev.lab.check.Check;
import dev.lab.check.CheckParser;
import dev.lab.check.CheckSyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Splits a lab's Markdown body into the intro and the {@code ##} steps. */
final class BodyReader {

    /** The intro Markdown and the steps of a body. */
    record Result(String introMarkdown, List<Step> steps) {
    }

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final Set<Block.Kind> HIDDEN = Set.of(Block.Kind.HINT, Block.Kind.SOLVE, Block.Kind.NOTES);

    private final Path file;
    private final List<String> lines;
    private final int offset;

    private BodyReader(Path file, List<String> lines, int offset) {
        this.file = file;
        this.lines = lines;
        this.offset = offset;
    }

    /**
     * Reads the body.
     *
     * @param file     the lab file, for error messages
     * @param body     the lines after the front matter
     * @param offset   how many file lines precede the body
     * @param variants the declared variants, to validate {@code variant=}
     */
    static Result read(Path file, List<String> body, int offset, Map<String, String> variants) {
        return new BodyReader(file, body, offset).read(variants);
    }

    private Result read(Map<String, String> variants) {
        Node document = PARSER.parse(String.join("\n", lines));
        List<Heading> headings = new ArrayList<>();
        List<List<Node>> sections = new ArrayList<>(List.of(new ArrayList<>()));
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 2) {
                headings.add(h);
                sections.add(new ArrayList<>());
            } else {
                sections.get(sections.size() - 1).add(n);
            }
        }
        int introEnd = headings.isEmpty() ? lines.size() : first(headings.get(0));
        for (Block b : blocks(fences(sections.get(0)))) {
            if (b.kind() != Block.Kind.CODE) {
                throw new LabException(file, b.line(), "'" + b.kind().name().toLowerCase(Locale.ROOT) + "' block outside a step;"
                        + " move it below a '## title {#id}' heading");
            }
        }
        String intro = DisplayText.between(lines, 0, introEnd, Set.of());
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            int line = first(h) + offset + 1;
            StepHeading head = StepHeading.parse(file, line, lines.subList(first(h), last(h) + 1), variants);
            Integer previous = idLines.putIfAbsent(head.id(), line);
            if (previous != null) {
                throw new LabException(file, line, "duplicate step id '" + head.id() + "' (first used on line " + previous + ")");
            }
            List<FencedCodeBlock> fences = fences(sections.get(i + 1));
            List<Block> blocks = blocks(fences);
            validateChecks(blocks);
            if (head.kind() == Step.Kind.EXERCISE) validateExercise(line, head.id(), blocks);
            Set<Integer> hidden = new HashSet<>();
            for (int j = 0; j < blocks.size(); j++) {
                if (HIDDEN.contains(blocks.get(j).kind())) {
                    for (int k = first(fences.get(j)); k <= last(fences.get(j)); k++) {
                        hidden.add(k);
                    }
                }
            }
            int end = i + 1 < headings.size() ? first(headings.get(i + 1)) : lines.size();
            steps.add(new Step(i + 1, head.id(), head.title(), head.variant(), head.expectFail(), head.kind(), line,
                    DisplayText.between(lines, last(h) + 1, end, hidden), blocks));
        }
        return new Result(intro, steps);
    }

    private List<Block> blocks(List<FencedCodeBlock> fences) {
        return fences.stream().map(f -> BlockReader.read(file, f, first(f) + offset + 1)).toList();
    }

    private static List<FencedCodeBlock> fences(List<Node> nodes) {
        List<FencedCodeBlock> out = new ArrayList<>();
        nodes.forEach(n -> collectFences(n, out));
        return out;
    }

    private void validateChecks(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.kind() == Block.Kind.CHECK && b.checkLines().isEmpty()) {
                throw new LabException(file, b.line(), "check block has no check lines");
            }
            for (CheckLine c : b.checkLines()) {
                if (c.text().isEmpty()) {
                    throw new LabException(file, c.line(), "check line has an edition scope [" + c.edition() + "] but no check");
                }
                if (c.edition() != null) {
                    Editions.require(file, c.line(), c.edition());
                }
                parseCheck(c);
            }
        }
    }

    /** An exercise is proved by its checks and given up on with its solution; without either it cannot be done. */
    private void validateExercise(int line, String id, List<Block> blocks) {
        boolean solve = blocks.stream().anyMatch(b -> b.kind() == Block.Kind.SOLVE);
        boolean checks = blocks.stream().anyMatch(b -> !b.checkLines().isEmpty());
        if (!solve || !checks) {
            throw new LabException(file, line, "exercise step '" + id + "' needs " + (!solve && !checks ? "a {solve} block and a check block"
                    : !solve ? "a {solve} block (what `solve` does for a learner who gives up)" : "a check block (what proves the learner did it)"));
        }
    }

    /** Parses the check now, so a mistake stops the load instead of a run; its reference files must ship with the lab. */
    private void parseCheck(CheckLine c) {
        Check check;
        try {
            check = CheckParser.parse(c.text());
        } catch (CheckSyntaxException e) {
            throw new LabException(file, c.line(), e.getMessage());
        }
        Path files = file.toAbsolutePath().normalize().getParent().resolve("files");
        for (String ref : check.referenceFiles()) {
            Path p = files.resolve(ref).normalize();
            if (!p.startsWith(files) || !Files.isRegularFile(p)) {
                throw new LabException(file, c.line(), "reference file '" + ref + "' of check `" + c.text()
                        + "` is not in the lab's files/ folder (" + files + ")");
            }
        }
    }

    private static void collectFences(Node node, List<FencedCodeBlock> out) {
        if (node instanceof FencedCodeBlock f) {
            out.add(f);
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            collectFences(c, out);
        }
    }

    private static int first(Node node) {
        return node.getSourceSpans().get(0).getLineIndex();
    }

    private static int last(Node node) {
        return node.getSourceSpans().get(node.getSourceSpans().size() - 1).getLineIndex();
    }
}
