package dev.lab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lab.lab.Lab;
import dev.lab.lab.LabLoader;
import dev.lab.lab.Step;
import dev.lab.shell.LabCommands;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command a hint of the persistence lab tells the learner to type works as written (issue 13,
 * item 7): each backticked span of a hint whose first word is a program (the lab's docker/aws/awslocal,
 * or one on the PATH) is run through {@code lab shell persistence} with piped lines, at the step it
 * belongs to, after the previous steps' {@code solve} (a REPL beside it moves through the steps), and
 * must exit 0, or fail with the error the same hint names (a CamelCase code such as {@code NoSuchBucket}).
 */
class HintCommandsTest {
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]+)+");

    @TempDir Path home;

    @ParameterizedTest
    @ValueSource(strings = {"en", "ko"})
    void everyHintCommandWorksAtItsStep(String lang) throws Exception {
        Lab lab = LabLoader.loadFolder(Path.of("labs/persistence"), lang);
        Process repl = Child.start(home, "start", "persistence", "--lang", lang);
        var out = new StringBuffer();
        var reader = new Thread(() -> {
            try {
                var in = repl.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the REPL ended
            }
        });
        reader.start();
        OutputStream to = repl.getOutputStream();
        int ran = 0;
        var failures = new ArrayList<String>();
        try {
            for (Step step : lab.steps()) {
                // As the learner is told: a demonstration's hints are read after its `run`; an exercise starts from its
                // variant (`run` says so), is tried with the hints, and is given up with `solve`.
                if (!step.exercise()) send(to, "run");
                else if (step.variant() != null) send(to, "variant " + step.variant());
                send(to, "!echo STEP-READY-" + step.number());
                await(out, "STEP-READY-" + step.number() + "\n", 240);
                for (String hint : step.hints()) {
                    var commands = commands(hint);
                    if (commands.isEmpty()) continue;
                    Set<String> codes = new LinkedHashSet<>();
                    for (Matcher m = SPAN.matcher(hint); m.find(); ) if (ERROR_CODE.matcher(m.group(1)).matches()) codes.add(m.group(1));
                    String shell = shell(lang, commands);
                    for (int k = 0; k < commands.size(); k++) {
                        ran++;
                        String segment = between(shell, "HINT-RUN " + k + "\n", "HINT-EXIT " + k + " ");
                        Matcher exit = Pattern.compile("HINT-EXIT " + k + " (\\d+)").matcher(shell);
                        if (!exit.find()) {
                            failures.add("step " + step.number() + ": `" + commands.get(k) + "` did not finish: " + shell);
                            continue;
                        }
                        boolean expected = codes.stream().anyMatch(segment::contains);
                        if (!exit.group(1).equals("0") && !expected) {
                            failures.add("step " + step.number() + " (" + lang + "): `" + commands.get(k) + "` exited " + exit.group(1)
                                    + ":\n" + segment);
                        }
                    }
                }
                if (step.exercise()) send(to, "solve");
                if (step.number() < lab.steps().size()) send(to, "next");
            }
            send(to, "quit");
            to.close();
            assertTrue(repl.waitFor(120, TimeUnit.SECONDS), "the REPL did not quit: " + out);
            reader.join();
            Child.awaitIdleHost(home, java.util.Map.of()); // its log is still written as it stops, in the temporary folder
        } finally {
            repl.destroyForcibly();
        }
        assertEquals(List.of(), failures);
        assertTrue(ran >= 15, "the hints' commands were found and run (" + ran + ")");
    }

    /**
     * The spans of a hint that are commands: a first word that is the lab's command or a program on the PATH.
     * The REPL's {@code edit FILE} stands for the learner saving the file in their editor: {@code touch FILE}.
     */
    static List<String> commands(String hint) {
        var out = new ArrayList<String>();
        for (Matcher m = SPAN.matcher(hint); m.find(); ) {
            String span = m.group(1).strip();
            String first = span.split("\\s+")[0];
            if (first.equals("edit") && span.length() > 5) {
                out.add("touch " + span.substring(5).strip());
                continue;
            }
            if (!first.matches("[a-z][a-z0-9._-]*")) continue;
            if (LabCommands.NAMES.contains(first) || onPath(first)) out.add(span);
        }
        return out;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program)) && !Files.isDirectory(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Runs the commands in order in one {@code lab shell persistence} with piped lines; returns its output. */
    private String shell(String lang, List<String> commands) throws Exception {
        var script = new StringBuilder();
        for (int k = 0; k < commands.size(); k++) {
            // Its own stdin is not the script's (a pipe inside the command keeps its own).
            script.append("echo 'HINT-RUN ").append(k).append("'\n{ ").append(commands.get(k)).append("\n} </dev/null\n")
                    .append("echo \"HINT-EXIT ").append(k).append(" $?\"\n");
        }
        Process p = Child.start(home, "shell", "persistence", "--lang", lang);
        p.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lab shell did not finish: " + text);
        return text;
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        int b = a < 0 ? -1 : text.indexOf(to, a);
        return a < 0 || b < 0 ? "" : text.substring(a + from.length(), b);
    }

    private static void send(OutputStream to, String line) throws IOException {
        to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        to.flush();
    }

    private static void await(StringBuffer out, String marker, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (out.indexOf(marker) < 0) {
            if (System.nanoTime() > end) throw new AssertionError("waited " + seconds + " s for " + marker.strip() + ":\n" + out);
            Thread.sleep(100);
        }
    }
}
