package dev.lab.doctor;

import dev.lab.compose.LocalStackEndpoint;
import dev.lab.compose.ComposeException;
import dev.lab.compose.ComposeFile;
import dev.lab.compose.ComposeParser;
import dev.lab.compose.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code lab doctor}'s static half: the {@link Rule}s over the LocalStack services of a compose file
 * (image {@code localstack/localstack} or {@code localstack/localstack-pro}); other services are not
 * looked at. Bind folders are inspected on the host, resolved against the compose file's folder.
 */
public final class Doctor {
    private Doctor() {}

    /**
     * Reads, parses and checks a compose file.
     *
     * @return the services checked and the findings
     * @throws ComposeException when the file is missing or not a valid compose file (with its line)
     */
    public static Checkup check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ComposeException(file, 0, "no such compose file (lab doctor [COMPOSE_FILE], default ./docker-compose.yml)");
        }
        String text = ComposeParser.read(file);
        return check(ComposeParser.parse(file, text), text);
    }

    /** Checks a compose file already parsed from {@code text}. */
    public static Checkup check(ComposeFile compose, String text) {
        var context = new RuleContext(compose, new SourceLines(text));
        var findings = new ArrayList<Finding>();
        List<Service> services = localStackServices(compose);
        for (Service s : services) {
            findings.addAll(ConfigRules.check(context, s));
            findings.addAll(VolumeRules.check(context, s));
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparing(f -> f.rule().id()));
        return new Checkup(compose.source(), services.stream().map(Service::name).toList(), findings);
    }

    /** The services running a LocalStack image, in file order. */
    public static List<Service> localStackServices(ComposeFile compose) {
        return LocalStackEndpoint.services(compose);
    }
}
