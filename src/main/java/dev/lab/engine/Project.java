package dev.lab.engine;

import dev.lab.compose.ComposeFile;
import java.nio.file.Path;

/**
 * A compose project: its name (the workspace folder's name, as Compose derives it), the folder
 * relative bind mounts resolve against, and the compose file in force.
 */
public record Project(String name, Path workdir, ComposeFile compose) {

    /** The volume name Compose gives a declared volume: {@code <project>_<volume>}. */
    public String volumeName(String declared) {
        var def = compose.volumes().get(declared);
        if (def != null && def.external()) {
            return def.externalName() != null ? def.externalName() : declared;
        }
        return name + "_" + declared;
    }
}
