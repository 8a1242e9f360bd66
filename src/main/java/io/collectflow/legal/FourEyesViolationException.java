package io.collectflow.legal;

import io.collectflow.web.RefusedActor;

/** A write-off decision that breaks the four-eyes rule: the requester approving, or one person approving twice. */
public class FourEyesViolationException extends RuntimeException implements RefusedActor {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
