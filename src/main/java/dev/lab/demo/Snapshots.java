package dev.lab.demo;

import dev.lab.fs.FileTrees;
import dev.lab.fs.TreeSnapshot;
import dev.lab.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The state at each step boundary of a demo on an engine that keeps snapshots: boundary {@code k}
 * is everything just before step {@code k} (0-based) runs. Boundaries past the current step go
 * stale when the presenter changes anything, and are dropped then.
 */
final class Snapshots {
    private final Path root;
    private final Session session;

    Snapshots(Path root, Session session) throws IOException {
        this.root = root;
        this.session = session;
        FileTrees.delete(root);
        Files.createDirectories(root);
    }

    boolean has(int k) { return Files.isDirectory(dir(k).resolve("workspace")); }

    /**
     * Saves boundary {@code k}. A new boundary starts as the nearest earlier one, sharing its files (see
     * {@link TreeSnapshot#share}), so the save copies only what the steps in between changed.
     */
    void save(int k) throws Exception {
        if (!Files.isDirectory(dir(k))) {
            for (int j = k - 1; j >= 0; j--) {
                if (has(j)) {
                    TreeSnapshot.share(dir(j), dir(k));
                    break;
                }
            }
        }
        session.saveState(dir(k));
    }

    /**
     * Puts boundary {@code k}'s files back now and its engine state on another thread: the demo takes
     * keys again at once and waits for the engine only before it next needs it.
     */
    CompletableFuture<Void> restore(int k) throws Exception {
        session.restoreFiles(dir(k));
        return CompletableFuture.runAsync(() -> {
            try {
                session.restoreEngine(dir(k));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Drops every boundary after {@code k}. */
    void dropAfter(int k) throws IOException {
        for (int i = k + 1; Files.exists(dir(i)); i++) FileTrees.delete(dir(i));
    }

    private Path dir(int k) { return root.resolve(String.valueOf(k)); }
}
