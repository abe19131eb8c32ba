package dev.lab.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The lab's {@code docker}, {@code docker-compose}, {@code aws} and {@code awslocal}: small bash
 * scripts in the host's bin folder that send the command to the host through its
 * {@link LoopbackDoor} (a bash start, a few milliseconds), and start {@link Client} with this JVM
 * instead where the door is closed or the command needs the terminal ({@code docker exec}); plain sh
 * scripts that always start {@link Client} where the machine has no bash.
 * {@code aws}/{@code awslocal} prefer the user's real AWS CLI (pointed at LocalStack with test
 * credentials) unless {@code LAB_AWS_CLI=builtin}.
 */
final class Shims {
    private static final String FAST = "-Xlog:cds=off -Xlog:cds+dynamic=off -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m";

    // What Client loads (docker exec, and where the door is closed): copied to a jar of their own, because a class
    // path naming lab's hundred jars costs the shim more than a tenth of a second before main even starts.
    private static final List<String> CLIENT_CLASSES = List.of("Client", "Frames", "Frames$1", "Frames$2", "Frames$Frame",
            "Spawner", "HostPaths");

    private Shims() {}

    static void write(HostPaths paths) throws IOException {
        copyClient(paths);
        Path bin = Files.createDirectories(paths.binDir());
        Optional<Path> bash = bash();
        for (String name : List.of("docker", "docker-compose", "aws", "awslocal")) {
            String aws = name.startsWith("aws") ? aws(paths, name.equals("awslocal")) : "";
            write(bin.resolve(name), bash.map(b -> "#!" + b + "\n" + HEADER + aws + viaDoor(paths, name))
                    .orElse("#!/bin/sh\n" + HEADER + aws + client(paths) + " " + name + " \"$@\"\n"));
        }
    }

    private static final String HEADER = "# the lab's command, written by lab's engine host; do not edit\n";

    /**
     * The request and reply of {@link LoopbackDoor}, in bash: no process is started on the way
     * ({@code ${!AWS_@}} lists the variables, {@code /dev/tcp} connects, {@code read} takes the reply).
     */
    private static String viaDoor(HostPaths paths, String name) {
        return "java_client() { " + client(paths).replace("\n", "; ") + " " + name + " \"$@\"; }\n"
                + "if { [ -z \"${LAB_ENGINE_SOCKET:-}\" ] || [ \"$LAB_ENGINE_SOCKET\" = " + Sh.quote(paths.socket().toString()) + " ]; } \\\n"
                + "    && { read -r port token < " + Sh.quote(paths.door().toString()) + "; } 2>/dev/null \\\n"
                + "    && { exec 3<>\"/dev/tcp/127.0.0.1/$port\"; } 2>/dev/null; then\n"
                + "  tty=0; [ -t 0 ] && [ -t 1 ] && tty=1\n"
                + "  env=(); for n in \"${!AWS_@}\"; do env+=(\"$n=${!n}\"); done\n"
                + "  [ -n \"${LAB_MOUNTS+set}\" ] && env+=(\"LAB_MOUNTS=$LAB_MOUNTS\")\n"
                + "  printf '%s\\0' \"$token\" 1 \"$PWD\" \"$tty\" \"${#env[@]}\" \"${env[@]}\" $(($# + 1)) " + name + " \"$@\" >&3\n"
                + "  if IFS= read -r -t 10 line <&3 && [ \"$line\" = ok ]; then\n"
                + "    while IFS= read -r line <&3; do\n"
                + "      case $line in\n"
                + "        1*) printf '%s\\n' \"${line:1}\" ;;\n"
                + "        2*) printf '%s\\n' \"${line:1}\" >&2 ;;\n"
                + "        c*) exit \"${line:1}\" ;;\n"
                + "        j) exec 3<&-; java_client \"$@\" ;;\n"
                + "      esac\n"
                + "    done\n"
                + "    echo \"lab: " + name + ": the engine host went away before the command ended (see \"" + Sh.quote(paths.log().toString()) + "\")\" >&2\n"
                + "    exit 1\n"
                + "  fi\n"
                + "  exec 3<&-\n"
                + "fi\n"
                + "java_client \"$@\"\n";
    }

    // The shims' interpreter: bash where the machine has one (its /dev/tcp reaches the door), else sh.
    private static Optional<Path> bash() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/bin:/usr/bin").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path b = Path.of(dir, "bash");
            if (Files.isExecutable(b)) return Optional.of(b.toAbsolutePath());
        }
        return Optional.empty();
    }

    // A jar: one file for the JVM to open, rewritten only when lab's classes changed.
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
            Files.delete(tmp); // unchanged: a shim running now keeps reading the same file
            return;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path clientClassPath(HostPaths paths) { return paths.dir().resolve("client.jar"); }

    private static String client(HostPaths paths) {
        // The JVM decodes its arguments in the locale's charset: in a locale without UTF-8 (LANG=C, or one not
        // installed) a Korean key would arrive as question marks.
        return "export LC_ALL=C.UTF-8\n"
                + "exec " + Sh.quote(java()) + " -Xshare:auto " + FAST + " -cp " + Sh.quote(clientClassPath(paths).toString())
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
        Files.writeString(tmp, body);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /** This JVM's class path with every entry absolute: shims and the host run from other folders. */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
