package dev.lab.doctor;

import static dev.lab.doctor.RuleContext.VOLUME;

import dev.lab.compose.Mount;
import dev.lab.compose.Service;
import dev.lab.compose.VolumeDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rules about what backs {@code /var/lib/localstack}: LS001, LS005, LS008. */
final class VolumeRules {
    static final String DENIED = "mkdir: cannot create directory ‘/var/lib/localstack/logs’: Permission denied";

    private VolumeRules() {}

    static List<Finding> check(RuleContext c, Service s) {
        var out = new ArrayList<Finding>();
        Mount mount = s.volumes().stream().filter(m -> m.target().equals(VOLUME)).findFirst().orElse(null);
        int line = mount == null ? s.line() : c.lines().mount(s, VOLUME);
        if (mount == null || mount.type() == Mount.Type.ANONYMOUS) {
            out.add(c.finding(Rule.LS001, s, line, (mount == null ? "nothing is mounted at " + VOLUME + ": LocalStack's data"
                            + " lives in the container's anonymous volume" : VOLUME + " is an anonymous volume")
                            + ", which is lost on `docker compose down` + `up` (the new container gets a new one)",
                    "mount a named volume: `volumes: - localstack-data:" + VOLUME + "` in the service"
                            + " and a top-level `volumes: localstack-data:`"));
        }
        VolumeDef def = mount != null && mount.type() == Mount.Type.VOLUME ? c.compose().volumes().get(mount.source()) : null;
        if (def != null && def.external()) {
            String name = def.externalName() != null ? def.externalName() : def.name();
            out.add(c.finding(Rule.LS008, s, line, "volume '" + def.name() + "' is external: `docker compose down -v` never"
                            + " removes it, and `up` fails with `external volume \"" + name + "\" not found` until it exists",
                    "create it once with `docker volume create " + name + "`, or drop `external: true`"));
        }
        Finding unwritable = writable(c, s, mount, line);
        if (unwritable != null) out.add(unwritable);
        return out;
    }

    private static Finding writable(RuleContext c, Service s, Mount mount, int line) {
        ContainerUser user = ContainerUser.parse(s.user());
        if (user.isRoot()) return null;
        String exits = ", so the container exits 1 with `" + DENIED + "`";
        // A new named or anonymous volume is filled from the image, whose /var/lib/localstack is root's with mode 0777
        // (observed on Docker: `docker run --user 1000 -v v:/var/lib/localstack` writes there), so any user can.
        if (mount == null || mount.type() != Mount.Type.BIND) return null;
        Path folder = c.hostPath(mount.source());
        if (!Files.isDirectory(folder)) {
            return c.finding(Rule.LS005, s, line, "bind folder " + folder + " does not exist: Docker creates it owned by root,"
                            + " which user " + user.spec() + " cannot write" + exits,
                    "create it owned by the user first: `mkdir -p " + folder + " && sudo chown -R " + user.owner() + " "
                            + folder + "`");
        }
        if (user.canStartOn(folder)) return null;
        return c.finding(Rule.LS005, s, line, "user " + user.spec() + " cannot write the bind folder " + folder + " ("
                        + ContainerUser.ownership(folder) + ")" + exits,
                "`sudo chown -R " + user.owner() + " " + folder + "`, or `chmod -R 777 " + folder + "` (dev only)");
    }
}
