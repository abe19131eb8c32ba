package dev.lab.repl;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/** Changes anywhere under a folder, folders created later included (java.nio's watch service is per folder). */
final class FileWatch implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    FileWatch(Path root) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        registerTree(root);
    }

    /** Whether anything changed since the last call; never blocks. */
    boolean changed() throws IOException {
        boolean changed = false;
        WatchKey key;
        try {
            while ((key = service.poll()) != null) {
                Path dir = folders.get(key);
                for (var event : key.pollEvents()) {
                    changed = true;
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && dir != null
                            && event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                        registerTree(dir.resolve(name));
                    }
                }
                if (!key.reset()) folders.remove(key);
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                try {
                    folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                } catch (IOException e) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }

            // A folder the container made unreadable (a non-root LocalStack's data) is simply not watched.
            @Override public FileVisitResult visitFileFailed(Path file, IOException e) { return FileVisitResult.CONTINUE; }
        });
    }

    @Override
    public void close() throws IOException { service.close(); }
}
