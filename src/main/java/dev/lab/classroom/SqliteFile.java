package dev.lab.classroom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One SQLite file of the class board, on either side (the board's store, the learner's queue): opened in WAL mode,
 * with the owner's tables and a {@code meta} key/value table. Not thread-safe: its owner serialises the calls.
 */
final class SqliteFile implements AutoCloseable {
    final Connection db;

    /**
     * @param what       what the file is, for the one-line error ({@code board database}, {@code class queue})
     * @param statements the owner's pragmas and {@code CREATE TABLE IF NOT EXISTS}, run after WAL is on
     */
    SqliteFile(Path file, String what, String... statements) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (var st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                for (String s : statements) st.execute(s);
                st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
        } catch (Exception e) {
            throw new IllegalStateException(what + " " + file + ": " + e.getMessage(), e);
        }
    }

    Optional<String> meta(String key) throws SQLException {
        try (var st = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            st.setString(1, key);
            var rs = st.executeQuery();
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    void meta(String key, String value) throws SQLException {
        try (var st = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            st.setString(1, key);
            st.setString(2, value);
            st.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
