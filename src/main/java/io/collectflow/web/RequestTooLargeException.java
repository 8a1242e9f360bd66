package io.collectflow.web;

/** The request body is larger than the configured limit (answered with 413). */
public class RequestTooLargeException extends RuntimeException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("The upload is larger than the limit of " + limit + " bytes (collectflow.import-max-bytes)");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
