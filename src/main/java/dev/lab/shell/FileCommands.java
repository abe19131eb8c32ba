package dev.lab.shell;

import dev.lab.fs.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code mkdir}, {@code chmod}, {@code chown}, {@code ls}, {@code rm}, {@code cat} on paths inside the workspace. */
final class FileCommands implements Command {
    static final List<String> NAMES = List.of("mkdir", "chmod", "chown", "ls", "rm", "cat");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());
    private final Workspace ws;

    FileCommands(Workspace ws) { this.ws = ws; }

    @Override
    public int run(List<String> argv, Io io) {
        String cmd = argv.get(0);
        var flags = new StringBuilder();
        var paths = new ArrayList<String>();
        for (String a : argv.subList(1, argv.size())) {
            if (a.startsWith("-") && a.length() > 1 && paths.isEmpty()) flags.append(a.substring(1));
            else paths.add(a);
        }
        boolean recursive = flags.indexOf("R") >= 0 || (cmd.equals("rm") && flags.indexOf("r") >= 0);
        try {
            return switch (cmd) {
                case "mkdir" -> each(cmd, paths, p -> { if (flags.indexOf("p") >= 0) Files.createDirectories(p); else Files.createDirectory(p); }, io);
                case "chmod" -> change(cmd, paths, recursive, io, (p, spec) -> Modes.apply(p, spec));
                case "chown" -> change(cmd, paths, recursive, io, FileCommands::chown);
                case "rm" -> entries(cmd, paths, p -> rm(p, recursive, flags.indexOf("f") >= 0), io);
                case "cat" -> each(cmd, paths, p -> Files.readAllLines(p).forEach(io.out()), io);
                default -> ls(paths.isEmpty() ? List.of(".") : paths, flags.toString(), io);
            };
        } catch (IOException e) {
            io.err().accept(cmd + ": " + e.getMessage());
            return 1;
        }
    }

    private interface PathAction { void apply(Path p) throws IOException; }

    private interface Change { void apply(Path p, String spec) throws IOException; }

    private int each(String cmd, List<String> args, PathAction action, Io io) {
        return each(cmd, args, action, io, false);
    }

    // For commands that act on a link itself (rm): only the folder holding it must be inside.
    private int entries(String cmd, List<String> args, PathAction action, Io io) {
        return each(cmd, args, action, io, true);
    }

    private int each(String cmd, List<String> args, PathAction action, Io io, boolean entry) {
        if (args.isEmpty()) throw new ShellError(cmd + ": missing operand");
        int status = 0;
        for (String a : args) {
            try {
                action.apply(entry ? ws.resolveEntry(cmd, a) : ws.resolve(cmd, a));
            } catch (java.nio.file.NoSuchFileException e) {
                io.err().accept(cmd + ": cannot access '" + a + "': No such file or directory");
                status = 1;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                io.err().accept(cmd + ": cannot create directory '" + a + "': File exists");
                status = 1;
            } catch (IOException e) {
                io.err().accept(cmd + ": " + a + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    // Like chmod -R and chown -R (-P): links met in the walk are never followed; chmod skips them and
    // chown changes the link itself. A link named on the command line (checked to lead inside) is followed.
    private int change(String cmd, List<String> args, boolean recursive, Io io, Change change) {
        if (args.size() < 2) throw new ShellError(cmd + ": missing operand");
        String spec = args.get(0);
        return each(cmd, args.subList(1, args.size()), root -> {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) throw new java.nio.file.NoSuchFileException(root.toString());
            try (Stream<Path> walk = recursive ? Files.walk(root) : Stream.of(root.toRealPath())) {
                for (Path p : walk.toList()) {
                    if (Files.isSymbolicLink(p) && cmd.equals("chmod")) continue;
                    try {
                        change.apply(p, spec);
                    } catch (java.nio.file.FileSystemException e) {
                        throw new IOException("changing " + (cmd.equals("chown") ? "ownership" : "permissions") + " of '"
                                + ws.show(p) + "': Operation not permitted");
                    }
                }
            }
        }, io);
    }

    private static void chown(Path p, String spec) throws IOException {
        String[] parts = spec.split(":", 2);
        UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
        if (!parts[0].isEmpty()) {
            if (parts[0].matches("\\d+")) Files.setAttribute(p, "unix:uid", Integer.parseInt(parts[0]), LinkOption.NOFOLLOW_LINKS);
            else Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setOwner(users.lookupPrincipalByName(parts[0]));
        }
        if (parts.length > 1 && !parts[1].isEmpty()) {
            if (parts[1].matches("\\d+")) Files.setAttribute(p, "unix:gid", Integer.parseInt(parts[1]), LinkOption.NOFOLLOW_LINKS);
            else Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setGroup(users.lookupPrincipalByGroupName(parts[1]));
        }
    }

    private static void rm(Path p, boolean recursive, boolean force) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (force) return;
            throw new java.nio.file.NoSuchFileException(p.toString());
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !recursive) throw new IOException("Is a directory");
        FileTrees.delete(p);
    }

    private int ls(List<String> args, String flags, Io io) throws IOException {
        boolean all = flags.contains("a");
        boolean longForm = flags.contains("l");
        boolean recursive = flags.contains("R");
        int status = 0;
        for (String a : args) {
            Path p = ws.resolve("ls", a);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                io.err().accept("ls: cannot access '" + a + "': No such file or directory");
                status = 2;
                continue;
            }
            if (!Files.isDirectory(p)) {
                io.out().accept(longForm ? line(p, a) : a);
                continue;
            }
            listDir(p, a, all, longForm, recursive, args.size() > 1 || recursive, io);
        }
        return status;
    }

    private void listDir(Path dir, String shown, boolean all, boolean longForm, boolean recursive, boolean header, Io io) throws IOException {
        if (header) io.out().accept(shown + ":");
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(e -> all || !e.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (longForm) {
            io.out().accept("total " + entries.size());
            if (all) {
                io.out().accept(line(dir, "."));
                io.out().accept(line(dir.getParent() == null ? dir : dir.getParent(), ".."));
            }
        }
        for (Path e : entries) io.out().accept(longForm ? line(e, e.getFileName().toString()) : e.getFileName().toString());
        if (recursive) {
            for (Path e : entries) {
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    io.out().accept("");
                    listDir(e, shown + "/" + e.getFileName(), all, longForm, true, true, io);
                }
            }
        }
    }

    private static String line(Path p, String name) throws IOException {
        var a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String type = a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "-";
        return String.format("%s%s %s %s %8d %s %s", type, PosixFilePermissions.toString(a.permissions()),
                a.owner().getName(), a.group().getName(), a.size(), TIME.format(a.lastModifiedTime().toInstant()), name);
    }
}
