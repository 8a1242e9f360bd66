package io.collectflow.contact.channel;

/** This message cannot be delivered on this channel whatever we retry (no address, number rejected). */
public class UndeliverableException extends RuntimeException {

    public UndeliverableException(String message) {
        super(message);
    }
}
