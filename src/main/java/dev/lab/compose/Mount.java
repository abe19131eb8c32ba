package dev.lab.compose;

/**
 * A volume entry of a service.
 *
 * @param type     what is mounted
 * @param source   the host path as written (for {@link Type#BIND}) or the volume name (for
 *                 {@link Type#VOLUME}); {@code null} for {@link Type#ANONYMOUS}
 * @param target   the absolute path inside the container
 * @param readOnly whether the mount is read-only ({@code :ro} or {@code read_only: true})
 */
public record Mount(Type type, String source, String target, boolean readOnly) {

    /** The kind of mount. */
    public enum Type {
        /** A host path ({@code ./dir}, {@code /abs}, {@code ~/dir}). */
        BIND,
        /** A named volume declared under top-level {@code volumes}. */
        VOLUME,
        /** A volume without a name, created per container ({@code - /path}). */
        ANONYMOUS
    }
}
