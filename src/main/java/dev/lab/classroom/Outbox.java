package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
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
    private final SqliteFile file;
    private final Connection db;

    Outbox(Path path) {
        file = new SqliteFile(path, "class queue",
                "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL, body TEXT NOT NULL)");
        db = file.db;
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
        return file.meta(key);
    }

    synchronized void meta(String key, String value) throws SQLException {
        file.meta(key, value);
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (SQLException ignored) {
            // closing a read-only leftover: nothing to keep
        }
    }
}
