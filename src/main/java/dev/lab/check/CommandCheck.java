package dev.lab.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code command "<bash command>" exit <code>}: runs the command in bash in the workspace, with the
 * lab's {@code docker}/{@code aws} on the PATH, and compares its exit code.
 */
record CommandCheck(String text, String command, int exit) implements Check {
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public CheckResult evaluate(Probes p) {
        String expected = "exit " + exit;
        try {
            var pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", command).directory(p.workspace().toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(p.env().get());
            Process proc = pb.start();
            byte[] out = proc.getInputStream().readAllBytes();
            if (!proc.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return CheckResult.of(text, expected, "timed out", false, command + " ran longer than " + TIMEOUT_SECONDS + "s");
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            String actual = "exit " + proc.exitValue();
            return CheckResult.of(text, expected, actual, actual.equals(expected),
                    "$ " + command + (lines.isEmpty() ? "" : " → " + lines.get(lines.size() - 1)));
        } catch (IOException e) {
            return CheckResult.of(text, expected, "cannot run bash", false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.of(text, expected, "interrupted", false, command);
        }
    }
}
