package dev.lab.session;

import dev.lab.compose.ComposeDiff;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.Mount;
import dev.lab.fs.Inside;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the learner's edits when lab replaces workspace files (a variant, {@code solve}, {@code reset
 * step}): a file whose content differs from what lab last wrote there ({@link Written}) and that the
 * operation replaced or removed is kept as {@code <name>.~N~}, with the diff. Folders a compose
 * variant bind-mounts as a container's data (not LocalStack's init hooks) belong to the container
 * and are left alone, as are files over {@value #LIMIT} bytes.
 */
final class Edits {
    static final int LIMIT = 1 << 20;
    private static final String INIT = "/etc/localstack/init";

    /** A file kept before lab replaced it: workspace-relative names and the diff from the kept file to the new one. */
    record Kept(String file, String backup, List<String> diff) {}

    /** The workspace's files before an operation, and which of them were the learner's. */
    record Snapshot(Map<String, byte[]> files, Set<String> learners, Map<String, byte[]> backups) {}

    private final Path workspace;
    private final Variants variants;
    private final Path labFiles;
    private final Written written;

    Edits(Path workspace, Variants variants, Path labFiles, Written written) {
        this.workspace = workspace;
        this.variants = variants;
        this.labFiles = labFiles;
        this.written = written;
    }

    Snapshot snapshot() {
        var files = new LinkedHashMap<String, byte[]>();
        var backups = new LinkedHashMap<String, byte[]>();
        var learners = new HashSet<String>();
        Set<Path> data = dataFolders();
        try {
            if (!Files.isDirectory(workspace)) return new Snapshot(files, learners, backups);
            Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
                @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    return data.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    if (!a.isRegularFile() || a.size() > LIMIT || f.getParent().equals(workspace) && f.getFileName().toString().equals(Workspaces.MARKER)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = workspace.relativize(f).toString();
                    byte[] content = Files.readAllBytes(f);
                    if (Backups.isBackup(f.getFileName().toString())) {
                        backups.put(rel, content);
                        return FileVisitResult.CONTINUE;
                    }
                    files.put(rel, content);
                    if (learners(rel, content)) learners.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFileFailed(Path f, IOException e) { return FileVisitResult.CONTINUE; }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace " + workspace + ": " + e.getMessage(), e);
        }
        return new Snapshot(files, learners, backups);
    }

    /**
     * After the operation: keeps each of the learner's files it replaced or removed, puts back
     * backups it removed (a reset wipes the workspace), and records what lab now wrote.
     */
    List<Kept> keep(Snapshot before) {
        var kept = new ArrayList<Kept>();
        try {
            for (var e : before.backups().entrySet()) {
                Path p = Inside.require(workspace, workspace.resolve(e.getKey()));
                if (!Files.exists(p)) {
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.getValue());
                }
            }
            for (var e : before.files().entrySet()) {
                Path p = workspace.resolve(e.getKey());
                byte[] now = Files.isRegularFile(p) && Files.size(p) <= LIMIT ? Files.readAllBytes(p) : null;
                if (Arrays.equals(now, e.getValue())) continue;
                if (before.learners().contains(e.getKey())) {
                    Path backup = Backups.keep(workspace, p, e.getValue());
                    String name = workspace.relativize(backup).toString();
                    kept.add(new Kept(e.getKey(), name, diff(name, e.getValue(), e.getKey(), now)));
                }
                written.wrote(e.getKey(), now);
            }
            for (var e : snapshot().files().entrySet()) {
                if (!before.files().containsKey(e.getKey())) written.wrote(e.getKey(), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the learner's files in " + workspace + ": " + e.getMessage(), e);
        }
        written.save();
        return kept;
    }

    /** Whether the content is the learner's: not what lab last wrote there, nor (with no record) the lab's own copy. */
    private boolean learners(String rel, byte[] content) throws IOException {
        var sum = written.sum(rel);
        if (sum.isPresent()) return !sum.get().equals(Written.sha256(content));
        if (rel.equals(Variants.COMPOSE_FILE)) return !variants.isVariant(new String(content, StandardCharsets.UTF_8));
        Path source = labFiles.resolve(rel).normalize();
        return !(source.startsWith(labFiles) && Files.isRegularFile(source) && Arrays.equals(Files.readAllBytes(source), content));
    }

    private static List<String> diff(String oldName, byte[] old, String newName, byte[] now) {
        if (now == null) return List.of("(" + newName + " was removed)");
        if (binary(old) || binary(now)) return List.of("Binary files " + oldName + " and " + newName + " differ");
        return ComposeDiff.unified(oldName, new String(old, StandardCharsets.UTF_8), newName, new String(now, StandardCharsets.UTF_8));
    }

    private static boolean binary(byte[] b) {
        for (byte x : b) if (x == 0) return true;
        return false;
    }

    /** The folders the lab's variants and the current compose file bind-mount as container data. */
    private Set<Path> dataFolders() {
        var out = new HashSet<Path>();
        var composes = new ArrayList<ComposeFile>(variants.all());
        try {
            Path current = workspace.resolve(Variants.COMPOSE_FILE);
            if (Files.isRegularFile(current)) composes.add(ComposeParser.parse(current));
        } catch (RuntimeException e) {
            // A compose file the learner is halfway through editing: the variants' folders still count.
        }
        for (ComposeFile c : composes) {
            c.services().values().forEach(s -> s.volumes().stream()
                    .filter(m -> m.type() == Mount.Type.BIND && !m.target().startsWith(INIT) && m.source().startsWith("."))
                    .forEach(m -> out.add(workspace.resolve(m.source()).normalize())));
        }
        out.remove(workspace);
        return out;
    }

    /** Reads the record of what lab wrote again from its file (see {@link Session#restoreState}). */
    void reload() { written.reload(); }
}
