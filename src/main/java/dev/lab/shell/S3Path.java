package dev.lab.shell;

/** {@code s3://bucket/key}. */
record S3Path(String bucket, String key) {
    static S3Path parse(String uri) {
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Path(rest, "") : new S3Path(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The key as a folder: empty, or ending in {@code /}. */
    String dirPrefix() {
        return key.isEmpty() || key.endsWith("/") ? key : key + "/";
    }

    String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
