package dev.lab.emulator;

import dev.lab.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The service states behind {@code GET /_localstack/health} for one run of the
 * container. Only S3 is emulated: it moves from {@code available} to
 * {@code running} on first use. The other names are listed because scripts
 * check for them, always {@code disabled}: outside {@code SERVICES} LocalStack
 * says so itself, and inside it the emulator must not claim a service it
 * cannot answer.
 */
final class ServiceHealth {
    private static final List<String> COMMUNITY = List.of("acm", "apigateway",
            "cloudformation", "cloudwatch", "config", "dynamodb", "dynamodbstreams",
            "ec2", "es", "events", "firehose", "iam", "kinesis", "kms", "lambda",
            "logs", "opensearch", "redshift", "resource-groups",
            "resourcegroupstaggingapi", "route53", "route53resolver", "s3",
            "s3control", "scheduler", "secretsmanager", "ses", "sns", "sqs", "ssm",
            "stepfunctions", "sts", "support", "swf", "transcribe");
    private static final List<String> PRO_ONLY = List.of("amplify", "apigatewayv2",
            "appconfig", "appsync", "athena", "backup", "batch", "ce", "cloudfront",
            "cloudtrail", "codecommit", "cognito-identity", "cognito-idp", "docdb",
            "ecr", "ecs", "efs", "eks", "elasticache", "elb", "elbv2", "emr",
            "glacier", "glue", "iot", "kafka", "mq", "neptune", "organizations",
            "rds", "rds-data", "sagemaker", "servicediscovery", "transfer", "xray");

    /** The one service the emulator answers. */
    static final String PROVIDED = "s3";

    private final LocalStackConfig config;
    private final Set<String> names;
    private final Set<String> enabled;
    private volatile boolean s3Running;

    ServiceHealth(LocalStackConfig config) {
        this.config = config;
        this.names = new TreeSet<>(COMMUNITY);
        if (config.pro()) {
            names.addAll(PRO_ONLY);
        }
        String services = config.env("SERVICES", "");
        // Unset, every service is enabled, including ones this list lacks.
        this.enabled = services.isEmpty() ? null : List.of(services.split(",")).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        // EAGER_SERVICE_LOADING starts every enabled service at boot.
        this.s3Running = config.flag("EAGER_SERVICE_LOADING") && enabled(PROVIDED);
    }

    private volatile boolean shuttingDown;

    /** From the SHUTDOWN stage on, the gateway no longer serves AWS requests. */
    void shuttingDown() {
        shuttingDown = true;
    }

    boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Called for every S3 request: LocalStack starts a service on first use. */
    void s3Used() {
        if (!s3Running && enabled(PROVIDED)) {
            s3Running = true;
        }
    }

    /** Whether {@code SERVICES} (unset: every service) enables the service. */
    boolean enabled(String service) {
        return enabled == null || enabled.contains(service);
    }

    String state(String service) {
        if (!service.equals(PROVIDED) || !enabled(service)) {
            return "disabled";
        }
        return s3Running ? "running" : "available";
    }

    String toJson() {
        Map<String, String> services = new LinkedHashMap<>();
        for (String name : names) {
            services.put(name, Json.string(state(name)));
        }
        Map<String, String> doc = new LinkedHashMap<>();
        doc.put("services", Json.object(services));
        doc.put("edition", Json.string(config.editionName()));
        doc.put("version", Json.string(LocalStackConfig.VERSION));
        return Json.object(doc);
    }
}
