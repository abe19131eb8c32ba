package dev.lab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code echo}, {@code sleep}, {@code true}, {@code false}, and the pipe filters {@code grep}, {@code head}, {@code tail}. */
final class TextCommands implements Command {
    static final List<String> NAMES = List.of("echo", "sleep", "true", "false", "grep", "head", "tail");

    @Override
    public int run(List<String> argv, Io io) throws InterruptedException {
        var args = argv.subList(1, argv.size());
        return switch (argv.get(0)) {
            case "echo" -> { io.out().accept(String.join(" ", args)); yield 0; }
            case "true" -> 0;
            case "false" -> 1;
            case "sleep" -> sleep(args);
            case "grep" -> grep(args, io);
            default -> slice(argv.get(0), args, io);
        };
    }

    private static int sleep(List<String> args) throws InterruptedException {
        if (args.size() != 1 || !args.get(0).matches("\\d+(\\.\\d+)?s?")) throw new ShellError("sleep: expected seconds, e.g. sleep 10");
        Thread.sleep((long) (Double.parseDouble(args.get(0).replace("s", "")) * 1000));
        return 0;
    }

    private static int grep(List<String> args, Io io) {
        boolean ignoreCase = false;
        boolean invert = false;
        int after = 0;
        String pattern = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-A")) after = Integer.parseInt(args.get(++i));
            else if (a.startsWith("-") && pattern == null) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'i') ignoreCase = true;
                    else if (c == 'v') invert = true;
                    else if (c != 'E') throw new ShellError("grep: option -" + c + " is not supported");
                }
            } else if (pattern == null) pattern = a;
            else throw new ShellError("grep: only works on piped input here (e.g. docker logs localstack | grep -i permission)");
        }
        if (pattern == null) throw new ShellError("grep: a pattern is required");
        Pattern p = Pattern.compile(pattern, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        int left = 0;
        boolean any = false;
        for (String line : io.stdin()) {
            boolean hit = p.matcher(line).find() != invert;
            if (hit) {
                left = after;
                any = true;
                io.out().accept(line);
            } else if (left > 0) {
                left--;
                io.out().accept(line);
            }
        }
        return any ? 0 : 1;
    }

    private static int slice(String cmd, List<String> args, Io io) {
        int n = 10;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-n") && i + 1 < args.size()) n = Integer.parseInt(args.get(++i));
            else if (args.get(i).matches("-\\d+")) n = Integer.parseInt(args.get(i).substring(1));
            else throw new ShellError(cmd + ": only works on piped input here, with -n N");
        }
        var lines = new ArrayList<>(io.stdin());
        var shown = cmd.equals("head") ? lines.subList(0, Math.min(n, lines.size())) : lines.subList(Math.max(0, lines.size() - n), lines.size());
        shown.forEach(io.out());
        return 0;
    }
}
