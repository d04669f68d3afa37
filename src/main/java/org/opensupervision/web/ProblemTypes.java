package org.opensupervision.web;

import java.net.URI;

/** Stable {@code type} URIs of the problem details this application answers with. */
public final class ProblemTypes {

    public static final URI VALIDATION = URI.create("urn:opensupervision:problem:validation-failed");
    public static final URI MALFORMED = URI.create("urn:opensupervision:problem:malformed-request");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("urn:opensupervision:problem:idempotency-key-reused");
    public static final URI NOT_FOUND = URI.create("urn:opensupervision:problem:not-found");
    public static final URI FORBIDDEN = URI.create("urn:opensupervision:problem:forbidden");
    public static final URI CONFLICT = URI.create("urn:opensupervision:problem:conflict");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:opensupervision:problem:unsupported-media-type");
    public static final URI METHOD_NOT_ALLOWED = URI.create("urn:opensupervision:problem:method-not-allowed");
    public static final URI SERVICE_UNAVAILABLE = URI.create("urn:opensupervision:problem:service-unavailable");

    private ProblemTypes() {
    }
}
