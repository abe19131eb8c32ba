package dev.lab.host;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The engine host's wire format: a 1-byte type, a 4-byte big-endian length, the payload (UTF-8 JSON
 * for requests and replies, raw bytes for output). Only {@code java.base}, because the shims'
 * {@link Client} must start in a tenth of a second.
 */
final class Frames {
    static final byte HELLO = 'h', ENGINE = 'e', EXEC = 'x', STATUS = 's', STOP = 'q';
    static final byte OK = 'o', ERROR = '!', STDOUT = '1', STDERR = '2', EXIT = 'c', RUN = 'r';
    static final int MAX = 64 << 20;

    private Frames() {}

    record Frame(byte type, byte[] payload) {
        String text() { return new String(payload, java.nio.charset.StandardCharsets.UTF_8); }
    }

    static void write(DataOutputStream out, byte type, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }
    }

    static void write(DataOutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The next frame, or null at the end of the stream. */
    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) return null;
        int length = in.readInt();
        if (length < 0 || length > MAX) throw new IOException("bad frame length " + length);
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame((byte) type, payload);
    }

    // Channels.newInputStream/newOutputStream share one lock on a SocketChannel, so a thread blocked
    // reading would stop another from writing; these call the channel directly.
    static DataInputStream in(SocketChannel channel) {
        return new DataInputStream(new java.io.BufferedInputStream(new InputStream() {
            @Override public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        }));
    }

    static DataOutputStream out(SocketChannel channel) {
        return new DataOutputStream(new java.io.BufferedOutputStream(new OutputStream() {
            @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                var buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) channel.write(buffer);
            }
        }, 1 << 16));
    }
}
