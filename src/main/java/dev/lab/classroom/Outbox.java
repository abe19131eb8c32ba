package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learner's queue of events for the board, in a SQLite file in the lab's state folder: an
 * insert is one transaction, so a crash leaves every event queued or not at all, and a row is
 * deleted only after the board acknowledged it. The learner's id and token from the join live here too.
 */
final class Outbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;

    Outbox(Path file) {
        try {
            Files.createDirectories(file.getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (var st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, body TEXT NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("class queue " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void add(Event e) {
        try (var st = db.prepareStatement("INSERT OR IGNORE INTO outbox (id, body) VALUES (?, ?)")) {
            st.setString(1, e.id());
            st.setString(2, JSON.writeValueAsString(e));
            st.executeUpdate();
        } catch (Exception x) {
            throw new IllegalStateException("class queue: " + x.getMessage(), x);
        }
    }

    /** Up to {@code max} queued events, oldest first. */
    synchronized List<Event> peek(int max) throws SQLException {
        var out = new ArrayList<Event>();
        try (var st = db.prepareStatement("SELECT body FROM outbox ORDER BY seq LIMIT ?")) {
            st.setInt(1, max);
            var rs = st.executeQuery();
            while (rs.next()) {
                try {
                    out.add(JSON.readValue(rs.getString(1), Event.class));
                } catch (Exception e) {
                    throw new SQLException("unreadable queued event: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** Drops events the board acknowledged. */
    synchronized void acknowledge(List<Event> sent) throws SQLException {
        db.setAutoCommit(false);
        try (var st = db.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            for (Event e : sent) {
                st.setString(1, e.id());
                st.addBatch();
            }
            st.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    synchronized int size() throws SQLException {
        try (var st = db.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM outbox")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    synchronized Optional<String> meta(String key) throws SQLException {
        try (var st = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            st.setString(1, key);
            var rs = st.executeQuery();
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    synchronized void meta(String key, String value) throws SQLException {
        try (var st = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            st.setString(1, key);
            st.setString(2, value);
            st.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a read-only leftover: nothing to keep
        }
    }
}
