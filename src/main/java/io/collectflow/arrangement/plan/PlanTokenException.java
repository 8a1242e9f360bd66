package io.collectflow.arrangement.plan;

/** A confirmation token that is unknown, already used or expired. */
public class PlanTokenException extends RuntimeException {

    /** UNKNOWN, USED, EXPIRED. */
    private final String reason;

    public PlanTokenException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
