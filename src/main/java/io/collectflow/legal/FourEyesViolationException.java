package io.collectflow.legal;

/** A write-off decision that breaks the four-eyes rule: the requester approving, or one person approving twice. */
public class FourEyesViolationException extends RuntimeException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
