package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The class board: learners join with the class code and post their events with the token they got;
 * the instructor token reads the page, its live stream ({@link Stream}), the JSON and the export.
 * Bad requests get a 4xx and never reach the store.
 *
 * <pre>{@code
 * try (var board = BoardServer.start(Path.of("board.db"), "127.0.0.1", 0, 5 * 60_000)) {
 *     System.out.println(board.joinUrl() + " " + board.instructorUrl());
 * }
 * }</pre>
 */
public final class BoardServer implements AutoCloseable {
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_LEARNERS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BoardStore store;
    private final Board board;
    private final LearnerApi learners;
    private final HttpServer http;
    private final Stream stream;
    private final String code;
    private final String instructor;
    private final java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(8);

    private BoardServer(BoardStore store, Board board, HttpServer http, String code, String instructor) {
        this.store = store;
        this.board = board;
        this.http = http;
        this.code = code;
        this.instructor = instructor;
        this.stream = new Stream(board);
        this.learners = new LearnerApi(store, board, code);
    }

    /** Opens (or reopens) the board's database and serves it on {@code bind:port} (0: any free port). */
    public static BoardServer start(Path db, String bind, int port, long stuckMillis) throws Exception {
        // Without it, headers and body leave in two packets and Nagle meets delayed ACK: 40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        var store = new BoardStore(db);
        var board = new Board(stuckMillis);
        for (var l : store.learners()) board.join(l.id(), l.name());
        store.events(board::apply);
        String code = store.keep("code", () -> BoardStore.secret(5));
        String instructor = store.keep("instructor", () -> BoardStore.secret(16));
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, port), 256);
        } catch (java.net.BindException e) {
            store.close();
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + ": " + e.getMessage());
        }
        var server = new BoardServer(store, board, http, code, instructor);
        http.createContext("/", server::handle);
        http.setExecutor(server.pool);
        http.start();
        return server;
    }

    public int port() { return http.getAddress().getPort(); }

    /** What the page shows now. */
    java.util.Map<String, Object> snapshot() { return board.snapshot(System.currentTimeMillis()); }

    private String base() {
        return BoardAddress.base(http.getAddress());
    }

    public String joinUrl() { return base() + "/join/" + code; }

    public String instructorUrl() { return base() + "/board?token=" + instructor; }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/api/join" -> post(method, () -> learners.join(ex));
                case "/api/events" -> post(method, () -> learners.events(ex));
                case "/", "/board" -> instructorOnly(ex, () -> Http.send(ex, 200, "text/html; charset=utf-8", BoardPage.of(snapshot())));
                case "/api/board" -> instructorOnly(ex, () -> Http.send(ex, 200, "application/json",
                        JSON.writeValueAsBytes(board.snapshot(System.currentTimeMillis()))));
                case "/api/stream" -> instructorOnly(ex, () -> stream.add(ex));
                case "/api/export" -> instructorOnly(ex, () -> Export.send(ex, Http.query(ex).getOrDefault("format", "json"), store, board));
                default -> {
                    if (path.startsWith("/join/")) Http.text(ex, 200, "Join with: lab start <lab> --class " + base() + path + " --name \"Your name\"");
                    else Http.text(ex, 404, "not found");
                }
            }
        } catch (Http.Refusal r) {
            Http.text(ex, r.status, r.getMessage());
        } catch (Exception e) {
            Http.text(ex, 500, "board error");
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void post(String method, Work work) throws Exception {
        if (!method.equals("POST")) throw new Http.Refusal(405, "POST only");
        work.run();
    }

    private void instructorOnly(HttpExchange ex, Work work) throws Exception {
        if (!Guard.same(Http.token(ex), instructor)) throw new Http.Refusal(401, "instructor token required");
        work.run();
    }

    /** Where the page reads from, for messages. */
    public URI base(String path) { return URI.create(base() + path); }

    @Override
    public void close() throws Exception {
        http.stop(0);
        stream.close();
        pool.shutdownNow();
        store.close();
    }
}
