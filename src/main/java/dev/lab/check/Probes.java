package dev.lab.check;

import dev.lab.aws.S3Clients;
import dev.lab.engine.Engine;
import dev.lab.engine.Project;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What checks look through: the S3 endpoint (AWS SDK), the engine (containers, volumes, logs),
 * the workspace on the host, the output of the step's last commands, and the environment the
 * lab's commands run in (its {@code docker}/{@code aws} first on the PATH) for {@code command} checks.
 */
public record Probes(Supplier<URI> endpoint, Engine engine, Supplier<Project> project, Path workspace,
                     Supplier<List<String>> lastOutput, Supplier<Map<String, String>> env) {

    /** Probes whose {@code command} checks run in this process's environment. */
    public Probes(Supplier<URI> endpoint, Engine engine, Supplier<Project> project, Path workspace, Supplier<List<String>> lastOutput) {
        this(endpoint, engine, project, workspace, lastOutput, System::getenv);
    }

    /** The S3 endpoint, asked afresh on every check (the learner may switch variants). */
    public URI s3Endpoint() { return endpoint.get(); }

    S3Client s3() { return S3Clients.forEndpoint(s3Endpoint()); }
}
