package dev.lab.engine.embedded;

import dev.lab.engine.EngineException;
import dev.lab.engine.MountInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The image's {@code /etc/passwd} and {@code /etc/group}, as a container's own copies in its writable layer: programs
 * run "in" the container see them at those paths, so {@code id}, {@code whoami} and {@code docker exec -u NAME} find
 * the image's users, not the host's. The files are the images' own, copied from {@code images/} builds (the Docker
 * tier checks they still match); the lab builds no {@code amazon/aws-cli}, so that image only knows root.
 */
final class ImageAccounts {
    static final List<String> FILES = List.of("passwd", "group");

    private ImageAccounts() {}

    /**
     * The container's mounts plus its layer's account files at {@code /etc/passwd} and {@code /etc/group}, written from
     * the image on first use; a mount of the service's own at either path (or over {@code /etc}) wins.
     */
    static List<MountInfo> mounts(Container c) {
        var all = new ArrayList<>(c.mounts);
        for (String file : FILES) {
            String target = "/etc/" + file;
            if (c.mounts.stream().anyMatch(m -> m.destination().equals(target) || m.destination().equals("/etc"))) continue;
            all.add(new MountInfo("bind", null, layerCopy(c, file).toString(), target, true));
        }
        return all;
    }

    /** The service's {@code user:} in the container's own account files; root when it sets none. */
    static ExecUser user(Container c, String spec) throws EngineException {
        if (spec == null || spec.isBlank()) return ExecUser.ROOT;
        try {
            return ExecUser.resolve(spec, Files.readAllLines(layerCopy(c, "passwd")), Files.readAllLines(layerCopy(c, "group")));
        } catch (IOException e) {
            throw new EngineException("cannot read the container's account files: " + e.getMessage(), e);
        }
    }

    /** Which image's files a container gets. */
    static String image(String image) {
        if (Images.isLocalStack(image)) return "localstack";
        if (Images.isBlogService(image)) return "blog-service";
        return "aws-cli";
    }

    private static Path layerCopy(Container c, String file) {
        Path copy = c.layer.resolve("etc").resolve(file);
        if (Files.exists(copy)) return copy; // the container's own, as it changed since
        String resource = "etc/" + image(c.spec.image()) + "." + file;
        try (InputStream in = ImageAccounts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            Files.createDirectories(copy.getParent());
            Path part = Files.createTempFile(copy.getParent(), file, ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--")); // as the image has them
            // Two first runs at once write the same bytes; whichever move lands last is as good.
            Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + copy + ": " + e.getMessage(), e);
        }
    }
}
