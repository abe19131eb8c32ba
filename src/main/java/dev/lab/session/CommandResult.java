package dev.lab.session;

import java.util.List;

/** One command a step ran: its exit code, its output, and whether a failure was the expected lesson. */
public record CommandResult(String command, int exitCode, List<String> output, boolean expectFail) {}
