package dev.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lab test <lab>}: for authors, every step's solution then its checks; exit 0 only if all hold. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every step's solve blocks (or its run blocks when it has none), then its checks, from a clean slate;"
                + " fail when a check does not hold or an expect=fail block succeeds.",
        footer = "Blocks use the built-in aws/awslocal; LAB_AWS_CLI=real uses the installed AWS CLI.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    RunCommand run;

    @Override
    public Integer call() throws Exception {
        return run.runAll(true);
    }
}
