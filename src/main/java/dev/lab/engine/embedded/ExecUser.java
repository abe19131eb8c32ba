package dev.lab.engine.embedded;

import dev.lab.engine.EngineException;
import java.util.List;
import java.util.Optional;

/**
 * A container user ({@code docker exec -u}, a service's {@code user:}) as {@code USER[:GROUP]}, resolved as runc resolves it, in the container's own {@code /etc/passwd} and
 * {@code /etc/group}: a name or a number matches an entry; an unmatched number is taken as is (group 0, home
 * {@code /}); an unmatched name is Docker's "unable to find user" error. A user's group is its entry's unless GROUP
 * names another.
 *
 * @param uid  the user id
 * @param gid  the group id
 * @param home the entry's home folder, {@code HOME} unless the container sets one
 */
public record ExecUser(int uid, int gid, String home) {

    /** Root, as the image's own passwd has it. */
    static final ExecUser ROOT = new ExecUser(0, 0, "/root");

    /** Resolves {@code spec} ({@code -u}'s value) in the lines of the container's passwd and group files. */
    public static ExecUser resolve(String spec, List<String> passwd, List<String> group) throws EngineException {
        String[] parts = spec.split(":", 2);
        String user = parts[0];
        Optional<String[]> entry = find(passwd, user, 7);
        int uid;
        int gid = 0;
        String home = "/";
        if (entry.isPresent()) {
            uid = Integer.parseInt(entry.get()[2]);
            gid = Integer.parseInt(entry.get()[3]);
            home = entry.get()[5];
        } else if (user.matches("\\d+")) {
            uid = Integer.parseInt(user);
        } else {
            throw new EngineException("unable to find user " + user + ": no matching entries in passwd file");
        }
        if (parts.length > 1) {
            String name = parts[1];
            var g = find(group, name, 4);
            if (g.isPresent()) gid = Integer.parseInt(g.get()[2]);
            else if (name.matches("\\d+")) gid = Integer.parseInt(name);
            else throw new EngineException("unable to find group " + name + ": no matching entries in group file");
        }
        return new ExecUser(uid, gid, home);
    }

    /** The first entry whose name, or else whose id, is {@code key} (runc takes either, in file order). */
    private static Optional<String[]> find(List<String> lines, String key, int fields) {
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split(":", -1);
            if (f.length < fields || !f[2].matches("\\d+") || (fields > 4 && !f[3].matches("\\d+"))) continue;
            if (f[0].equals(key) || f[2].equals(key)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
