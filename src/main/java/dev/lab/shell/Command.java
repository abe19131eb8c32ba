package dev.lab.shell;

import java.util.List;

/** One program the runner executes itself: {@code argv[0]} is its name. */
interface Command {
    int run(List<String> argv, Io io) throws InterruptedException;
}
