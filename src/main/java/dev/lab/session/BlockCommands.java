package dev.lab.session;

import dev.lab.lab.Block;
import dev.lab.shell.CommandLint;
import dev.lab.shell.LabCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's {@code docker}/{@code aws} commands of a run or solve block, checked against what those
 * commands accept, as {@code file:line: `command`: problem}. Commands whose words bash would expand
 * ({@code $VAR}, {@code $(…)}) are left to run time.
 */
public final class BlockCommands {
    private BlockCommands() {}

    /** The block's command problems; empty when every lab command in it would be accepted. */
    public static List<String> errors(Path file, Block block) {
        var problems = new ArrayList<String>();
        for (var c : ScriptWords.parse(block.content())) {
            if (c.dynamic() || !LabCommands.NAMES.contains(c.words().get(0))) continue;
            for (String p : CommandLint.problems(c.words())) {
                problems.add(file.getFileName() + ":" + (block.line() + c.line()) + ": `" + String.join(" ", c.words()) + "`: " + p);
            }
        }
        return problems;
    }
}
