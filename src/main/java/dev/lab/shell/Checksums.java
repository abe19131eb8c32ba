package dev.lab.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.CRC32;

/** The checksums the AWS CLI sends with an upload, in S3's base64 form. */
final class Checksums {
    private Checksums() {
    }

    /** CRC32 of a file (of nothing when {@code file} is null), as {@code x-amz-checksum-crc32} carries it. */
    static String crc32(Path file) {
        CRC32 crc = new CRC32();
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) crc.update(buffer, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
