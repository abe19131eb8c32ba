package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The page's live feed (server-sent events): every {@value #TICK_MS} ms, when the board changed (or
 * every 2 s, for the stuck timers), one snapshot goes to every open page. Pages hold no handler thread.
 */
final class Stream implements AutoCloseable {
    static final long TICK_MS = 200;
    static final int MAX_PAGES = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Board board;
    private final CopyOnWriteArrayList<HttpExchange> pages = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService tick = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "board-stream");
        t.setDaemon(true);
        return t;
    });
    private long sentVersion = -1;
    private long sentAt;

    Stream(Board board) {
        this.board = board;
        tick.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    void add(HttpExchange ex) throws IOException {
        if (pages.size() >= MAX_PAGES) throw new Http.Refusal(429, "too many open pages");
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        write(ex, frame());
        pages.add(ex);
    }

    private byte[] frame() throws IOException {
        return ("data: " + JSON.writeValueAsString(board.snapshot(System.currentTimeMillis())) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private void tick() {
        try {
            long v = board.version();
            long now = System.currentTimeMillis();
            if (pages.isEmpty() || (v == sentVersion && now - sentAt < 2000)) return;
            sentVersion = v;
            sentAt = now;
            byte[] f = frame();
            for (HttpExchange ex : pages) {
                if (!write(ex, f)) pages.remove(ex);
            }
        } catch (Exception e) {
            // a page that went away is dropped in write(); nothing else may stop the ticks
        }
    }

    private static boolean write(HttpExchange ex, byte[] frame) {
        try {
            ex.getResponseBody().write(frame);
            ex.getResponseBody().flush();
            return true;
        } catch (IOException e) {
            ex.close();
            return false;
        }
    }

    @Override
    public void close() {
        tick.shutdownNow();
        pages.forEach(HttpExchange::close);
    }
}
