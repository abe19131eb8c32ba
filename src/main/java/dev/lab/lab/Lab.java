package dev.lab.lab;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A lab loaded from one {@code lab.<lang>.md} file.
 *
 * @param id            the {@code lab:} front matter value (equals the folder name)
 * @param title         the {@code title:} front matter value
 * @param lang          the {@code lang:} value, else the {@code <lang>} of the file name, else {@code ko}
 * @param file          the Markdown file the lab was read from
 * @param dir           the lab folder as an absolute path (the file's parent), holding {@code files/}
 * @param variants      variant name to compose file path, in file order
 * @param editions      edition ({@code community}, {@code pro}) to what the learner will see on it
 * @param introMarkdown Markdown before the first step, trimmed
 * @param steps         the steps in file order
 */
public record Lab(String id, String title, String lang, Path file, Path dir, Map<String, String> variants,
                  Map<String, String> editions, String introMarkdown, List<Step> steps) {

    /** Copies the collections so the lab stays immutable; variants keep their file order. */
    public Lab {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        editions = Collections.unmodifiableMap(new LinkedHashMap<>(editions));
        steps = List.copyOf(steps);
    }

    /** The folder the lab's variant paths are relative to: {@code compose-variants/} beside {@code labs/}. */
    public Path variantsRoot() {
        return dir.toAbsolutePath().getParent().getParent().resolve("compose-variants");
    }

    /** The explanation for an edition profile such as {@code community-4.14}, if the lab gives one. */
    public Optional<String> editionNote(String edition) {
        return editions.entrySet().stream().filter(e -> edition.equals(e.getKey()) || edition.startsWith(e.getKey() + "-"))
                .map(Map.Entry::getValue).findFirst();
    }

    /**
     * Finds a step by its 1-based number ({@code "2"}) or by its id ({@code "upload"}).
     *
     * @return the step, or empty when no step matches
     */
    public Optional<Step> step(String numberOrId) {
        if (numberOrId.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(numberOrId);
            return number >= 1 && number <= steps.size() ? Optional.of(steps.get(number - 1)) : Optional.empty();
        }
        return steps.stream().filter(s -> s.id().equals(numberOrId)).findFirst();
    }
}
