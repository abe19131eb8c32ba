package dev.lab.engine;

/**
 * One entry of a container's {@code Mounts}: {@code type} is {@code bind} or {@code volume};
 * {@code source} the host path, {@code name} the volume name (null for binds).
 */
public record MountInfo(String type, String name, String source, String destination, boolean readWrite) {}
