package dev.lab.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads source files as UTF-8 and says on which line a byte is not UTF-8, instead of the JDK's "Input length = 1". */
public final class Utf8 {
    private Utf8() {
    }

    /** A file that is not UTF-8: the 1-based line and the offending byte. */
    public static final class Invalid extends IOException {
        private final int line;

        Invalid(int line, int b) {
            super(String.format("invalid UTF-8 byte 0x%02X; save the file as UTF-8", b & 0xFF));
            this.line = line;
        }

        /** The 1-based line of the first invalid byte. */
        public int line() {
            return line;
        }
    }

    /**
     * Reads the whole file.
     *
     * @throws Invalid     when a byte sequence is not UTF-8
     * @throws IOException when the file cannot be read
     */
    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') line++;
            }
            throw new Invalid(line, bytes[at]);
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
