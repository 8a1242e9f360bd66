package io.collectflow.contact.channel;

/** A technical delivery failure (gateway 5xx, timeout, SMTP down): retried, then an incident. */
public class DeliveryException extends RuntimeException {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
