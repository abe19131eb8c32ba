package dev.lab.term;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The runner's own words (prompts, banners, table headers, verdicts) in the learner's language:
 * {@code ko} or {@code en}, from {@code dev/lab/term/texts_<lang>.properties}. Labs bring their own
 * text; this is only the chrome around it.
 *
 * <pre>{@code
 * var t = Texts.of("en");
 * t.get("repl.resuming", 2);   // "Resuming at step 2. ..."
 * }</pre>
 */
public final class Texts {
    /** The languages the runner speaks. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("ko", "en");

    private final String lang;
    private final ResourceBundle bundle;

    private Texts(String lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    /** The texts for {@code ko} or {@code en}; anything else is an error naming the two. */
    public static Texts of(String lang) {
        if (!LANGUAGES.contains(lang)) throw new IllegalArgumentException("language must be ko or en, not " + lang);
        // No fallback to the JVM's locale: the learner's --lang decides, whatever the machine says.
        var control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return new Texts(lang, ResourceBundle.getBundle("dev.lab.term.texts", Locale.forLanguageTag(lang), control));
    }

    public String lang() { return lang; }

    /** The text for {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args} (MessageFormat). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text '" + key + "' for " + lang, e);
        }
        if (args.length == 0) return pattern.replace("''", "'");
        var format = new MessageFormat(pattern, Locale.ROOT);
        // Step numbers and counts are printed as they are, without grouping.
        for (int i = 0; i < args.length; i++) if (args[i] instanceof Number n) args[i] = String.valueOf(n);
        return format.format(args);
    }

    /** Every key, for tests that check both languages say everything. */
    public java.util.Set<String> keys() { return bundle.keySet(); }
}
