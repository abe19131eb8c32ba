package dev.lab.compose;

import dev.lab.source.SourceException;
import java.nio.file.Path;

/**
 * A mistake in a compose file, or a feature this subset does not support, e.g.
 * {@code compose.yml:7: unsupported compose key 'build' in service 'app' (...)}.
 */
public final class ComposeException extends SourceException {
    public ComposeException(Path file, int line, String problem) {
        super(file, line, problem);
    }
}
