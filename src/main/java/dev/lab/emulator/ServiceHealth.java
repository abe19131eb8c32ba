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
 * container. Only S3 is emulated, so only S3 ever moves from
 * {@code available} to {@code running}; the other names are listed because
 * scripts check for them.
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
        this.enabled = services.isEmpty() ? names : List.of(services.split(",")).stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        // EAGER_SERVICE_LOADING starts every enabled service at boot.
        this.s3Running = config.flag("EAGER_SERVICE_LOADING") && enabled.contains("s3");
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
        if (!s3Running && enabled.contains("s3")) {
            s3Running = true;
        }
    }

    String state(String service) {
        if (!enabled.contains(service)) {
            return "disabled";
        }
        return service.equals("s3") && s3Running ? "running" : "available";
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
