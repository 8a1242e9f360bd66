package io.collectflow.contact.channel;

/** What the channel reports back: its reference for the message (SMS id, call id, Message-ID). */
public record SendReceipt(String externalRef) {
}
