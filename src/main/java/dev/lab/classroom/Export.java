package dev.lab.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The class's results at the end: CSV (one row per learner) or JSON (the learners and every event). */
final class Export {
    static final List<String> COLUMNS = List.of("name", "lab", "stepNumber", "step", "passed", "solved", "failed",
            "commands", "hints", "lastActivity", "stuck", "failing");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Export() {}

    @SuppressWarnings("unchecked")
    static void send(HttpExchange ex, String format, BoardStore store, Board board) throws Exception {
        var learners = (List<Map<String, Object>>) board.snapshot(System.currentTimeMillis()).get("learners");
        switch (format) {
            case "csv" -> Http.send(ex, 200, "text/csv; charset=utf-8", csv(learners).getBytes(StandardCharsets.UTF_8));
            case "json" -> {
                var names = new HashMap<String, String>();
                learners.forEach(l -> names.put((String) l.get("id"), (String) l.get("name")));
                var events = new ArrayList<Map<String, Object>>();
                store.events((learner, e) -> {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("learner", names.get(learner));
                    row.putAll(JSON.convertValue(e, Map.class));
                    events.add(row);
                });
                Http.send(ex, 200, "application/json", JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(Map.of("learners", learners, "events", events)));
            }
            default -> throw new Http.Refusal(400, "format must be csv or json");
        }
    }

    static String csv(List<Map<String, Object>> learners) {
        var out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (var l : learners) {
            var cells = new ArrayList<String>();
            for (String c : COLUMNS) {
                Object v = l.get(c);
                cells.add(cell(v instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList()) : String.valueOf(v)));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run a learner's name as a formula. */
    static String cell(String s) {
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) s = "'" + s;
        return s.matches("[^\",\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

}
