package dev.lab.doctor;

import dev.lab.compose.ImageRef;
import static dev.lab.doctor.RuleContext.TOKEN;
import static dev.lab.doctor.RuleContext.isSet;

import dev.lab.compose.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rules about a LocalStack service's image, environment, name and health check: LS002–LS004, LS006, LS007. */
final class ConfigRules {
    private static final String HEALTH_TEST = "[\"CMD\", \"curl\", \"-f\", \"http://localhost:4566/_localstack/health\"]";

    private ConfigRules() {}

    static List<Finding> check(RuleContext c, Service s) {
        var out = new ArrayList<Finding>();
        ImageRef image = ImageRef.parse(s.image());
        boolean token = isSet(s, TOKEN);
        if (s.environment().containsKey("DATA_DIR")) {
            out.add(c.finding(Rule.LS002, s, c.lines().env(s, "DATA_DIR"),
                    "DATA_DIR is deprecated since 1.0 and ignored since 2.0; LocalStack only logs a deprecation warning",
                    "remove DATA_DIR: the volume mounted at /var/lib/localstack is what counts"));
        }
        boolean imageNeedsToken = image.needsToken() || !image.isCommunity();
        if (persistence(s) && imageNeedsToken && !token) {
            out.add(c.finding(Rule.LS003, s, c.lines().env(s, "PERSISTENCE"),
                    "PERSISTENCE=1 on " + s.image() + " without " + TOKEN + ": persistence is a Pro feature and this image"
                            + " needs a token to start at all",
                    "set " + TOKEN + ", or pin `localstack/localstack:4.14.0` (Community: no persistence, see LS009)"));
        }
        if (persistence(s) && !imageNeedsToken && !token) {
            out.add(c.finding(Rule.LS009, s, c.lines().env(s, "PERSISTENCE"),
                    "PERSISTENCE=1 does nothing on Community " + s.image() + ": Community has no persistence since 1.0,"
                            + " so S3 buckets and objects are lost on every LocalStack restart, volume or not",
                    "for data that must survive: set " + TOKEN + " (Pro), or back up with init hooks (shutdown.d saves,"
                            + " ready.d restores), or re-create it at start (a ready.d script, or the app's ensure-bucket)"));
        }
        if (image.needsToken() && !token) {
            out.add(c.finding(Rule.LS004, s, c.lines().key(s, "image"),
                    "image " + s.image() + " without " + TOKEN + ": since 2026-03-23 the unified image exits with code 55"
                            + " (license activation failed)",
                    "pin `image: localstack/localstack:4.14.0` (the last tag that starts without a token) or set " + TOKEN));
        }
        if (s.containerName() == null) {
            out.add(c.finding(Rule.LS006, s, s.line(),
                    "no container_name: `docker logs localstack` and `docker inspect localstack` will not find the container"
                            + " (Compose names it <project>-" + s.name() + "-1)",
                    "add `container_name: localstack`"));
        }
        // Without a `healthcheck:` the image's own applies (HEALTHCHECK curl …/_localstack/health, every 10 s after 15 s).
        if (s.healthcheck() != null && !s.healthcheck().test().isEmpty() && s.healthcheck().test().get(0).equals("NONE")) {
            out.add(c.finding(Rule.LS007, s, c.lines().key(s, "healthcheck"),
                    "healthcheck disabled: the image's own is off too, so services that depend on LocalStack start before it is ready",
                    "remove the `healthcheck:` that disables it, or give it `test: " + HEALTH_TEST + "`"));
        }
        return out;
    }

    // LocalStack reads boolean flags as "1" or "true" (config.is_env_true).
    private static boolean persistence(Service s) {
        String value = s.environment().get("PERSISTENCE");
        return value != null && List.of("1", "true").contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
