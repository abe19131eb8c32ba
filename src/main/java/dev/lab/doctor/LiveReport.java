package dev.lab.doctor;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code lab doctor --live} saw.
 *
 * @param engine   the engine it ran on
 * @param edition  the LocalStack edition profile
 * @param file     the compose file, as named
 * @param service  the LocalStack service it drove
 * @param endpoint the S3 endpoint it wrote to and read from
 * @param atStart  LocalStack's container right after the first {@code up}
 * @param rows     one row per {@link Action}, in order; empty when LocalStack did not start
 * @param hooksNotRun why the service's init hooks were not run (no sandbox), or {@code null} when they ran or it has none
 */
public record LiveReport(String engine, String edition, Path file, String service, String endpoint,
                         ContainerState atStart, List<Row> rows, String hooksNotRun) {

    /** Copies the rows so the report stays immutable. */
    public LiveReport {
        rows = List.copyOf(rows);
    }

    /**
     * What survived one action.
     *
     * @param action         what was done
     * @param bucketSurvived whether bucket {@code lab-doctor} was still there afterwards
     * @param objectSurvived whether object {@code lab-doctor/probe.txt} was still there afterwards
     * @param container      LocalStack's container afterwards
     */
    public record Row(Action action, boolean bucketSurvived, boolean objectSurvived, ContainerState container) {
    }

    /**
     * A container's state as {@code docker ps -a} shows it.
     *
     * @param state   {@code running}, {@code exited (1)}, {@code absent}, …
     * @param running whether it serves
     * @param logLine its last log line when it is not running (why it exited), else {@code null}
     */
    public record ContainerState(String state, boolean running, String logLine) {
    }

    /** Whether LocalStack came up every time (it started and no action left it stopped). */
    public boolean allStarted() {
        return atStart.running() && rows.stream().allMatch(r -> r.container().running());
    }
}
