package dev.lab.cli;

import dev.lab.classroom.BoardServer;
import dev.lab.classroom.BoardClient;
import dev.lab.progress.LabHome;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab class serve|watch|export}: the instructor's class board. */
@Command(name = "class", mixinStandardHelpOptions = true, description = "The class board: where every learner of a workshop stands.",
        subcommands = {ClassCommand.Serve.class, ClassCommand.Watch.class, ClassCommand.Export.class})
final class ClassCommand {

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the class board (loopback unless --bind).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "port (default 8080; 0: any free port)")
        int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "address to listen on; a LAN address lets learners join (default 127.0.0.1)")
        String bind;

        @Option(names = "--stuck-minutes", defaultValue = "5", description = "flag a learner on the same step this long (default 5)")
        double stuckMinutes;

        @Option(names = "--db", description = "the board's database (default: <state>/class/board.db); a restart keeps every event and the URLs")
        Path db;

        @Override
        public Integer call() throws Exception {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0 to 65535");
            if (!(stuckMinutes > 0)) throw new IllegalArgumentException("--stuck-minutes must be above 0");
            Path file = db != null ? db : LabHome.fromEnvironment(System.getenv()).state().resolve("class").resolve("board.db");
            try (var board = BoardServer.start(file, bind, port, Math.round(stuckMinutes * 60_000))) {
                System.out.println("Class board on " + board.base("/") + " (database " + file + ")");
                System.out.println("Learners join with:");
                System.out.println("  lab start <lab> --class " + board.joinUrl() + " --name \"Your name\"");
                System.out.println("  (only step, command counts, check texts and outcomes, hint/solve use are sent: no command text, output, files or environment)");
                System.out.println("Instructor page (keep the token to yourself):");
                System.out.println("  " + board.instructorUrl());
                System.out.println("Terminal view: lab class watch '" + board.instructorUrl() + "'");
                System.out.flush();
                new CountDownLatch(1).await();
            }
            return 0;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true, description = "The board in the terminal, refreshed every 2 s.")
    static final class Watch implements Callable<Integer> {
        @Parameters(paramLabel = "URL", description = "the instructor URL `lab class serve` printed")
        String url;

        @Option(names = "--token", description = "the instructor token, when the URL has none")
        String token;

        @Option(names = "--once", description = "print the board once and leave")
        boolean once;

        @Override
        public Integer call() throws Exception {
            var client = BoardClient.of(url, token);
            String last = null;
            while (true) {
                String view = BoardClient.render(client.board(), width());
                if (!view.equals(last)) {
                    if (!once && last != null) System.out.print("\033[H\033[2J");
                    System.out.print(view);
                    System.out.flush();
                    last = view;
                }
                if (once) return 0;
                Thread.sleep(2000);
            }
        }

        /** {@code $COLUMNS} when the shell exports it; else no limit, since the board may be piped to a file. */
        private static int width() {
            try {
                return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")));
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE / 4;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "The class's results as CSV or JSON, on standard output.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "URL", description = "the instructor URL `lab class serve` printed")
        String url;

        @Option(names = "--format", defaultValue = "csv", description = "csv (default) or json")
        String format;

        @Option(names = "--token", description = "the instructor token, when the URL has none")
        String token;

        @Override
        public Integer call() throws Exception {
            if (!format.equals("csv") && !format.equals("json")) throw new IllegalArgumentException("--format must be csv or json, not " + format);
            System.out.print(BoardClient.of(url, token).export(format));
            System.out.flush();
            return 0;
        }
    }
}
