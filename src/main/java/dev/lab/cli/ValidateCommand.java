package dev.lab.cli;

import dev.lab.compose.ComposeParser;
import dev.lab.lab.Command;
import dev.lab.lab.Lab;
import dev.lab.lab.LabCatalog;
import dev.lab.lab.LabLoader;
import dev.lab.lab.LabValidator;
import dev.lab.lab.Step;
import dev.lab.session.BlockCommands;
import dev.lab.session.BlockSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** {@code lab validate}: lints a lab (syntax, checks, commands, variants, translations) without running it. */
@picocli.CommandLine.Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a lab's Markdown, checks, commands, compose variants and translations; exit 2 on any problem.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "LAB", description = "lab id or lab folder")
    String target;

    @Override
    public Integer call() {
        Path dir = Files.isDirectory(Path.of(target)) ? Path.of(target) : new LabCatalog(LabOptions.labsRoot()).dir(target);
        var problems = new ArrayList<String>();
        var labs = new ArrayList<Lab>();
        for (String lang : List.of("ko", "en")) {
            Path file = dir.resolve("lab." + lang + ".md");
            if (!Files.exists(file)) continue;
            try {
                labs.add(LabLoader.load(file));
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (labs.isEmpty() && problems.isEmpty()) problems.add(dir + ": no lab.ko.md or lab.en.md");
        for (Lab lab : labs) lint(lab, problems);
        if (labs.size() == 2) {
            for (String p : LabValidator.compare(labs.get(0), labs.get(1))) problems.add(labs.get(1).file() + ": " + p);
        }
        problems.forEach(p -> System.err.println(p));
        if (!problems.isEmpty()) return 2;
        Lab first = labs.get(0);
        long checks = first.steps().stream().mapToLong(s -> s.checks().size()).sum();
        System.out.println("ok: " + dir + " (" + labs.size() + " translation(s)): " + first.steps().size() + " steps, " + checks + " checks");
        return 0;
    }

    private static void lint(Lab lab, List<String> problems) {
        Path variantsRoot = lab.variantsRoot();
        lab.variants().forEach((name, rel) -> {
            Path f = variantsRoot.resolve(rel);
            if (!Files.exists(f)) problems.add(lab.file() + ": variant " + name + ": " + f + " does not exist");
            else {
                try {
                    Preflight.embeddedRefusals(ComposeParser.parse(f)).forEach(e -> problems.add(e.getMessage()));
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
        });
        for (Step step : lab.steps()) {
            for (var block : java.util.stream.Stream.concat(step.runBlocks().stream(), step.solveBlocks().stream()).toList()) {
                var syntax = BlockSyntax.errors(lab.file(), block);
                problems.addAll(syntax);
                if (syntax.isEmpty()) problems.addAll(BlockCommands.errors(lab.file(), block));
            }
        }
    }
}
