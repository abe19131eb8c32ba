package dev.lab.session;

import dev.lab.fs.Inside;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Numbered backups as GNU {@code cp --backup=numbered} names them: {@code name.~1~}, {@code name.~2~}, … */
final class Backups {
    private static final Pattern NUMBERED = Pattern.compile("(.+)\\.~([0-9]+)~");

    private Backups() {}

    /** Whether a file name is a numbered backup. */
    static boolean isBackup(String name) { return NUMBERED.matcher(name).matches(); }

    /**
     * Writes {@code content} as the next free numbered backup of {@code file} (one past the highest
     * existing number), inside {@code workspace}.
     *
     * @return the backup's path
     */
    static Path keep(Path workspace, Path file, byte[] content) throws IOException {
        String name = file.getFileName().toString();
        int highest = 0;
        Files.createDirectories(file.getParent());
        try (Stream<Path> siblings = Files.list(file.getParent())) {
            for (Path p : siblings.toList()) {
                Matcher m = NUMBERED.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name) && m.group(2).length() < 9) highest = Math.max(highest, Integer.parseInt(m.group(2)));
            }
        }
        Path backup = Inside.require(workspace, file.resolveSibling(name + ".~" + (highest + 1) + "~"));
        Files.write(backup, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return backup;
    }
}
