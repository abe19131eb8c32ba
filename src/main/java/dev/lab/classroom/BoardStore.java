package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The board's SQLite database: the class code and instructor token (kept, so a restarted board has
 * the same URLs), the learners (their tokens as SHA-256) and every event, keyed by (learner, event
 * id) so a resend is ignored. An answer is sent only after the transaction committed: a board killed
 * with -9 keeps every event it acknowledged.
 */
final class BoardStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SqliteFile file;
    private final Connection db;

    record Learner(String id, String name, String tokenHash, long joined) {}

    BoardStore(Path path) {
        file = new SqliteFile(path, "board database",
                "PRAGMA synchronous=NORMAL", // WAL + NORMAL: durable across a process crash, not a power cut
                "CREATE TABLE IF NOT EXISTS learners (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT UNIQUE NOT NULL, joined INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS events (learner TEXT NOT NULL, id TEXT NOT NULL, received INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (learner, id))");
        db = file.db;
    }

    static String secret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The value kept under {@code key}, made with {@code fresh} the first time. */
    synchronized String keep(String key, java.util.function.Supplier<String> fresh) throws SQLException {
        var kept = file.meta(key);
        if (kept.isPresent()) return kept.get();
        String v = fresh.get();
        file.meta(key, v);
        return v;
    }

    synchronized void addLearner(Learner l) throws SQLException {
        try (var st = db.prepareStatement("INSERT INTO learners (id, name, token_hash, joined) VALUES (?, ?, ?, ?)")) {
            st.setString(1, l.id());
            st.setString(2, l.name());
            st.setString(3, l.tokenHash());
            st.setLong(4, l.joined());
            st.executeUpdate();
        }
    }

    synchronized List<Learner> learners() throws SQLException {
        var out = new ArrayList<Learner>();
        try (var st = db.createStatement(); var rs = st.executeQuery("SELECT id, name, token_hash, joined FROM learners ORDER BY joined, id")) {
            while (rs.next()) out.add(new Learner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
        return out;
    }

    /** Stores the events the learner posted; returns those not stored before, in order. */
    synchronized List<Event> add(String learner, List<Event> events, long received) throws Exception {
        var fresh = new ArrayList<Event>();
        db.setAutoCommit(false);
        try (var st = db.prepareStatement("INSERT OR IGNORE INTO events (learner, id, received, body) VALUES (?, ?, ?, ?)")) {
            for (Event e : events) {
                st.setString(1, learner);
                st.setString(2, e.id());
                st.setLong(3, received);
                st.setString(4, JSON.writeValueAsString(e));
                if (st.executeUpdate() == 1) fresh.add(e);
            }
            db.commit();
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return fresh;
    }

    /** Every stored event, in the order they were stored, with its learner. */
    synchronized void events(BiConsumer<String, Event> each) throws Exception {
        try (var st = db.createStatement(); var rs = st.executeQuery("SELECT learner, body FROM events ORDER BY rowid")) {
            while (rs.next()) each.accept(rs.getString(1), JSON.readValue(rs.getString(2), Event.class));
        }
    }

    @Override
    public synchronized void close() throws SQLException { file.close(); }
}
