package dev.lab.repl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion for lines that go to bash: the first word from the commands on PATH, every other word
 * (and a first word with a {@code /}) from the files where the shell now stands. Lines of the
 * REPL's own commands are left to their own completers.
 */
final class ShellCompleter implements Completer {
    private final Predicate<String> replCommand;
    private final Completer files;
    private final String path;

    /**
     * @param replCommand whether a first word is one of the REPL's own commands
     * @param cwd         the shell's current folder, asked at each completion
     * @param env         bash's extra environment; its {@code PATH}, else the REPL's, lists the commands
     */
    ShellCompleter(Predicate<String> replCommand, Supplier<Path> cwd, Map<String, String> env) {
        this.replCommand = replCommand;
        this.files = files(cwd);
        this.path = env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
    }

    /** File names relative to {@code cwd}, as JLine's file name completer gives them. */
    static Completer files(Supplier<Path> cwd) {
        return new Completers.FileNameCompleter() {
            @Override protected Path getUserDir() { return cwd.get(); }
        };
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        String first = words.isEmpty() ? "" : words.get(0);
        boolean bang = first.startsWith("!");
        if (line.wordIndex() == 0) {
            if (first.contains("/")) {
                files.complete(reader, line, candidates);
                return;
            }
            // `!steps`: the bang stays, the rest completes as a command.
            String prefix = bang ? "!" : "";
            for (String c : commands()) candidates.add(new Candidate(prefix + c, c, null, null, null, null, true));
            return;
        }
        if (!bang && replCommand.test(first)) return;
        files.complete(reader, line, candidates);
    }

    private TreeSet<String> commands() {
        var names = new TreeSet<String>();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> Files.isExecutable(p) && !Files.isDirectory(p)).forEach(p -> names.add(p.getFileName().toString()));
            } catch (IOException | RuntimeException e) {
                // a PATH entry that is missing or unreadable offers nothing, as in bash
            }
        }
        return names;
    }
}
