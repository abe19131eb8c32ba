package dev.lab.testing;

import dev.lab.hooks.HookEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test-only stand-in for the lab's {@code awslocal} on a hook's PATH: a script in a temporary folder
 * that runs the real AWS CLI installed here against the emulator ({@code AWS_ENDPOINT_URL}, else
 * {@code localhost:4566}) with test credentials. The CLI's install prefix is made visible in the sandbox.
 */
public final class TestAwslocal {
    private TestAwslocal() {}

    /** Whether the AWS CLI is installed and reachable (scripts/test-nonroot.sh's user cannot reach root's pyenv). */
    public static boolean available() throws InterruptedException {
        try {
            realAws();
            return true;
        } catch (AssertionError | IOException e) {
            return false;
        }
    }

    /** The hook environment with {@code awslocal}; nothing added when there is no AWS CLI (see {@link #available()}). */
    public static HookEnvironment in(Path dir) throws IOException, InterruptedException {
        if (!available()) return HookEnvironment.none();
        Path aws = realAws();
        Path bin = Files.createDirectories(dir.resolve("hook-bin"));
        Path script = bin.resolve("awslocal");
        Files.writeString(script, "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1\n"
                + "exec " + aws + " --endpoint-url \"${AWS_ENDPOINT_URL:-http://localhost:4566}\" \"$@\"\n");
        Files.setAttribute(script, "unix:mode", 0755);
        // bin/aws of a prefix (pyenv version, venv, /usr/local/aws-cli...) needs the whole prefix.
        return new HookEnvironment(List.of(bin), Map.of(), List.of(aws.getParent().getParent()));
    }

    /** The AWS CLI's real program, past pyenv's shim when there is one. */
    private static Path realAws() throws IOException, InterruptedException {
        for (List<String> probe : List.of(List.of("pyenv", "which", "aws"), List.of("sh", "-c", "command -v aws"))) {
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(false).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor() == 0 && !out.isEmpty()) return Path.of(out).toRealPath();
            } catch (IOException e) {
                // no pyenv: try the next probe
            }
        }
        throw new AssertionError("the AWS CLI is not installed; the hook tests need it as awslocal's backend");
    }
}
