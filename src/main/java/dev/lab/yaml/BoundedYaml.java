package dev.lab.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ParserException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Composes one YAML document into nodes with a cap on nesting depth. snakeyaml-engine's composer
 * recurses once per level and has no depth setting, so {@code [[[…]]]} thousands deep would end
 * in a StackOverflowError; the parser underneath is iterative, so the cap is checked on its events.
 */
public final class BoundedYaml {
    /** Deeper than any compose file or front matter needs, far below what the stack can take. */
    public static final int MAX_DEPTH = 64;

    private BoundedYaml() {
    }

    /**
     * The document's root node, or empty for an empty document.
     *
     * @param label the name marks carry (the file)
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException on invalid YAML; nesting deeper
     *         than {@link #MAX_DEPTH} is a {@link ParserException} marked at the level that is too deep
     */
    public static Optional<Node> compose(String label, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).build();
        Parser parser = new DepthLimit(new ParserImpl(settings, new StreamReader(settings, text)));
        return new Composer(settings, parser).getSingleNode();
    }

    /**
     * The document as Java values (maps, lists, strings, numbers), or null for an empty document.
     *
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException as {@link #compose}
     */
    public static Object load(String label, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).build();
        return new org.snakeyaml.engine.v2.constructor.StandardConstructor(settings).constructSingleDocument(compose(label, text));
    }

    private static final class DepthLimit implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new ParserException("nesting deeper than " + MAX_DEPTH + " levels", event.getStartMark());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            return event;
        }
    }
}
