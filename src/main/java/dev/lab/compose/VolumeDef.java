package dev.lab.compose;

/**
 * An entry of the top-level {@code volumes} section.
 *
 * @param name         the key under {@code volumes}
 * @param external     whether the volume must already exist ({@code external: true})
 * @param externalName the {@code name:} value, i.e. the real Docker volume name, or {@code null} when
 *                     absent (Docker then prefixes the key with the project name)
 */
public record VolumeDef(String name, boolean external, String externalName) {
}
