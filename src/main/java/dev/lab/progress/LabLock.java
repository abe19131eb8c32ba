package dev.lab.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One {@code lab} process at a time on a lab of a {@link LabHome}: an OS lock on its lock file, held until
 * {@link #close()} or until the process ends (the OS releases it then, so a crash leaves no stale
 * lock). The file names the holder's pid and command, for the message the next process prints.
 */
public final class LabLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LabLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code lab} for {@code command} (e.g. {@code lab start persistence}).
     *
     * @throws IllegalStateException when another process holds it, naming that process's pid and command
     */
    public static LabLock acquire(LabHome home, String lab, String command) {
        Path file = home.lockFile(lab);
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it already
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new IllegalStateException("another lab (" + holder + ") is using " + lab + " in " + home.root() + "; quit it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n" + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new LabLock(channel, lock);
        } catch (IOException e) {
            // Most often LAB_HOME (or the state folder) is not a folder lab can write: the user's to fix, so exit 2.
            throw new IllegalStateException("cannot use " + home.root() + " as the lab home: cannot lock " + file + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        var buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        String[] lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n");
        if (lines.length < 2 || !lines[0].matches("\\d+")) return "pid unknown"; // it is still writing its name
        return "pid " + lines[0] + ", `" + lines[1] + "`";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + lock, e);
        }
    }
}
