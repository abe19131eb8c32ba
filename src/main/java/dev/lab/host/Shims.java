package dev.lab.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's {@code docker}, {@code docker-compose}, {@code aws} and {@code awslocal}: small sh
 * scripts in the host's bin folder that start {@link Client} with this JVM and class path.
 * {@code aws}/{@code awslocal} prefer the user's real AWS CLI (pointed at LocalStack with test
 * credentials) unless {@code LAB_AWS_CLI=builtin}.
 */
final class Shims {
    private static final String FAST = "-Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m";

    // What Client loads: copied to a folder of their own, because a class path naming lab's hundred
    // jars costs the shim more than a tenth of a second before main even starts.
    private static final List<String> CLIENT_CLASSES = List.of("Client", "Frames", "Frames$1", "Frames$2", "Frames$Frame",
            "Spawner", "HostPaths");

    private Shims() {}

    static void write(HostPaths paths) throws IOException {
        copyClient(paths);
        Path bin = Files.createDirectories(paths.binDir());
        String client = client(paths);
        write(bin.resolve("docker"), client + " docker \"$@\"\n");
        write(bin.resolve("docker-compose"), client + " docker-compose \"$@\"\n");
        write(bin.resolve("aws"), aws(paths, false) + client + " aws \"$@\"\n");
        write(bin.resolve("awslocal"), aws(paths, true) + client + " awslocal \"$@\"\n");
    }

    // A jar, not a folder: class-data sharing archives classes from jars only.
    private static void copyClient(HostPaths paths) throws IOException {
        Path tmp = paths.dir().resolve("client.jar.tmp");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(tmp))) {
            for (String name : CLIENT_CLASSES) {
                try (var in = Shims.class.getResourceAsStream(name + ".class")) {
                    if (in == null) throw new IOException("class " + name + " is missing from lab's class path");
                    jar.putNextEntry(new java.util.jar.JarEntry("dev/lab/host/" + name + ".class"));
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        Path jar = clientClassPath(paths);
        if (Files.exists(jar) && java.util.Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(tmp))) {
            Files.delete(tmp); // unchanged: keep its timestamp, which the class-data archive checks
            return;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(paths.clientArchive());
    }

    private static Path clientClassPath(HostPaths paths) { return paths.dir().resolve("client.jar"); }

    private static String client(HostPaths paths) {
        return "cds=-Xshare:auto\n"
                + "[ -f " + Sh.quote(paths.clientArchive().toString()) + " ] && cds=-XX:SharedArchiveFile=" + Sh.quote(paths.clientArchive().toString()) + "\n"
                + "exec " + Sh.quote(java()) + " \"$cds\" -Xshare:auto " + FAST + " -cp " + Sh.quote(clientClassPath(paths).toString())
                + " -Dlab.socket=" + Sh.quote(paths.socket().toString()) + " -Dlab.engine.dir=" + Sh.quote(paths.dir().toString())
                + " dev.lab.host.Client";
    }

    private static String aws(HostPaths paths, boolean local) {
        return "export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test\n"
                + "export AWS_DEFAULT_REGION=\"${AWS_DEFAULT_REGION:-us-east-1}\" AWS_ENDPOINT_URL=\"${AWS_ENDPOINT_URL:-http://localhost:4566}\"\n"
                + "if [ \"${LAB_AWS_CLI:-}\" != builtin ]; then\n"
                + "  real=; old=$IFS; IFS=:; set -f\n"
                + "  for d in $PATH; do\n"
                + "    [ -n \"$d\" ] && [ \"$d\" != " + Sh.quote(paths.binDir().toString()) + " ] && [ -f \"$d/aws\" ] && [ -x \"$d/aws\" ] && { real=$d/aws; break; }\n"
                + "  done\n"
                + "  IFS=$old; set +f\n"
                + "  [ -n \"$real\" ] && exec \"$real\"" + (local ? " --endpoint-url \"$AWS_ENDPOINT_URL\"" : "") + " \"$@\"\n"
                + "fi\n";
    }

    private static void write(Path file, String body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, "#!/bin/sh\n# the lab's " + file.getFileName() + ", written by lab's engine host; do not edit\n" + body);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Records the client's class-data-sharing archive once (it needs the host answering, so the run
     * loads the socket classes too); written under a temporary name, so a shim never reads half of it.
     */
    static void train(HostPaths paths) {
        if (Files.exists(paths.clientArchive())) return;
        try {
            Path tmp = paths.dir().resolve("client.jsa.tmp");
            var p = new ProcessBuilder(List.of(java(), "-XX:ArchiveClassesAtExit=" + tmp, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss1m", "-cp", clientClassPath(paths).toString(),
                    "-Dlab.socket=" + paths.socket(), "dev.lab.host.Client", "--train"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(tmp)) {
                Files.move(tmp, paths.clientArchive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            System.err.println("cannot record " + paths.clientArchive() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** This JVM's class path with every entry absolute: shims and the host run from other folders. */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
