package dev.lab.compose;

/**
 * An image reference split as Docker reads it, e.g. {@code localstack/localstack:4.14.0}.
 *
 * @param repository the reference without tag or digest
 * @param tag        the tag, {@code latest} when none is written
 */
public record ImageRef(String repository, String tag) {

    /** Splits {@code image}; no tag means {@code latest}. */
    public static ImageRef parse(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (host:5000/repo), not to a tag.
        return colon > slash ? new ImageRef(ref.substring(0, colon), ref.substring(colon + 1)) : new ImageRef(ref, "latest");
    }

    /** The community or the pro LocalStack image. */
    public boolean isLocalStack() {
        return isCommunity() || repository.equals("localstack/localstack-pro");
    }

    /** The community image, {@code localstack/localstack}. */
    public boolean isCommunity() {
        return repository.equals("localstack/localstack");
    }

    /** Tags of the unified image (since 2026-03-23) that exit with code 55 without {@code LOCALSTACK_AUTH_TOKEN}. */
    public boolean needsToken() {
        return tag.equals("latest") || tag.matches("20\\d\\d\\..*");
    }
}
