package dev.lab.shell;

/**
 * Docker's exit status for a {@code docker exec} the daemon refused: 126 when the process could not start in the
 * container (a program not found, observed with Docker 28; a {@code -u} user or group the container's files lack,
 * observed with Docker 20.10), 1 for its other refusals (no such container, not running).
 */
final class ExecStatus {
    private ExecStatus() {}

    static int of(String refusal) {
        return refusal.startsWith("OCI runtime exec failed") || refusal.startsWith("unable to find user ")
                || refusal.startsWith("unable to find group ") ? 126 : 1;
    }
}
