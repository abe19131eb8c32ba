package dev.lab.cli;

import dev.lab.lab.LabCatalog;
import dev.lab.lab.LabLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code lab list}: the labs in the labs folder, with their titles. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the available labs.")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        var catalog = new LabCatalog(LabOptions.labsRoot());
        String lang = new LabOptions().language();
        for (String id : catalog.ids()) {
            var lab = LabLoader.loadFolder(catalog.dir(id), lang);
            String only = LabLoader.fallback(lab, lang) == null ? "" : " [" + lab.file().getFileName() + " only]";
            System.out.printf("%-16s %s (%d steps)%s%n", id, lab.title(), lab.steps().size(), only);
        }
        return 0;
    }
}
