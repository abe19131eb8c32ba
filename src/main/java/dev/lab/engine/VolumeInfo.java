package dev.lab.engine;

import java.nio.file.Path;

/** A volume as {@code docker volume inspect} would describe it. */
public record VolumeInfo(String name, boolean anonymous, boolean external, Path mountpoint) {}
