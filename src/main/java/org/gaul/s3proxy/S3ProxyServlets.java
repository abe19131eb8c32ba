package org.gaul.s3proxy;

import jakarta.servlet.http.HttpServlet;

import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * Public door to S3Proxy's package-private servlet, so {@code dev.lab.emulator}
 * can mount it in its own Jetty server next to the {@code /_localstack}
 * endpoints instead of running a second server behind a forwarding front.
 * S3Proxy's public API cannot do this: {@code S3Proxy.builder()...build()}
 * always makes and starts its own Jetty server on its own endpoint and gives
 * out neither its servlet nor its handler (S3Proxy 4.1.0).
 */
public final class S3ProxyServlets {
    private static final long MAX_SINGLE_PART_BYTES = 5L * 1024 * 1024 * 1024;
    private static final long V4_MAX_NON_CHUNKED_BYTES = 128L * 1024 * 1024;
    private static final int V4_MAX_CHUNK_BYTES = 16 * 1024 * 1024;
    private static final int MAX_TIME_SKEW_SECONDS = 15 * 60;

    private S3ProxyServlets() {
    }

    /**
     * An S3 servlet over {@code blobStore} that, like LocalStack, accepts any
     * credentials (signatures are not checked) and any {@code x-amz-*} header.
     */
    public static HttpServlet anonymous(BlobStore blobStore) {
        return new S3ProxyHandlerJetty(blobStore, AuthenticationType.NONE,
                null, null, null, MAX_SINGLE_PART_BYTES,
                V4_MAX_NON_CHUNKED_BYTES, V4_MAX_CHUNK_BYTES,
                /* ignoreUnknownHeaders= */ true, null, null,
                MAX_TIME_SKEW_SECONDS, null);
    }
}
