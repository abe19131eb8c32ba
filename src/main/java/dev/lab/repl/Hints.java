package dev.lab.repl;

import dev.lab.session.Session;
import dev.lab.term.Texts;
import java.util.HashMap;
import java.util.Map;

/** {@code hint}: each call shows the current step's next hint, up to its last; {@code reset all} starts them over. */
final class Hints {
    private final Session session;
    private final Screen out;
    private final Texts texts;
    private final Map<String, Integer> shown = new HashMap<>();

    Hints(Session session, Screen out) {
        this.session = session;
        this.out = out;
        this.texts = out.texts();
    }

    void next() {
        var hints = session.current().hints();
        if (hints.isEmpty()) {
            out.println(texts.get("repl.noHint"));
            return;
        }
        int n = Math.min(shown.merge(session.current().id(), 1, Integer::sum), hints.size());
        session.activity().hint(session.current());
        if (hints.size() > 1) out.println(texts.get("repl.hintOf", n, hints.size()));
        out.markdown(hints.get(n - 1));
        if (n < hints.size()) out.println(texts.get("repl.moreHints"));
    }

    void clear() {
        shown.clear();
    }
}
