package dev.lab.session;

import dev.lab.lab.Step;

/**
 * Step work stopped on request (Ctrl-C, SIGINT), and where: in which step, in which command line
 * (nothing after it ran), or after the step's commands and before its checks. The session's cursor
 * is on that step.
 */
public final class Stopped extends InterruptedException {
    private final transient Step step;
    private final String command;
    private final boolean beforeChecks;

    Stopped(Step step, String command, boolean beforeChecks) {
        super("stopped in step " + step.number() + (command == null ? "" : " at `" + command + "`"));
        this.step = step;
        this.command = command;
        this.beforeChecks = beforeChecks;
    }

    /** The step the work stopped in. */
    public Step step() { return step; }

    /** The command line the work stopped in, or null when it stopped before the step's first command. */
    public String command() { return command; }

    /** Whether every command of the step ran and only its checks were skipped. */
    public boolean beforeChecks() { return beforeChecks; }
}
