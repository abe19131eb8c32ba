package dev.lab.cli;

import dev.lab.doctor.Checkup;
import dev.lab.doctor.Doctor;
import dev.lab.doctor.FindingsFormat;
import dev.lab.doctor.LiveCheck;
import dev.lab.doctor.LiveFormat;
import dev.lab.doctor.LiveReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab doctor}: lint a compose file's LocalStack services, or ({@code --live}) see what survives each lifecycle action. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check a compose file's LocalStack services for persistence mistakes (rules LS001–LS008);"
                + " exit 1 when a rule fires.",
                "With --live, run the persistence scenario on a temporary copy and show what survives restart,"
                        + " stop+start, down+up and down -v+up; exit 1 when LocalStack did not start."})
final class DoctorCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMPOSE_FILE", arity = "0..1", defaultValue = "docker-compose.yml",
            description = "the compose file (default ./docker-compose.yml)")
    Path file;

    @Option(names = "--json", description = "print JSON for tools instead of text")
    boolean json;

    @Option(names = "--live", description = "run the persistence scenario on an engine instead of the static rules")
    boolean live;

    @Option(names = "--engine", defaultValue = "embedded", description = "with --live: embedded (default) or docker")
    String engine;

    @Option(names = "--edition", defaultValue = "community-4.14",
            description = "with --live: LocalStack edition profile, community-4.14 (default) or pro")
    String edition;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (live) {
            LiveReport report = LiveCheck.run(file, engine, edition);
            out.print(json ? LiveFormat.json(report) : LiveFormat.text(report));
            out.flush();
            return report.allStarted() ? 0 : 1;
        }
        Checkup checkup = Doctor.check(file);
        out.print(json ? FindingsFormat.json(checkup) : FindingsFormat.text(checkup));
        out.flush();
        return checkup.exitCode();
    }
}
