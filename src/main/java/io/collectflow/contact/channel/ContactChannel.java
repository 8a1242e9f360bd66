package io.collectflow.contact.channel;

import java.util.Set;

import io.collectflow.contact.Channel;
import io.collectflow.contact.template.RenderedMessage;

/**
 * One way of delivering a rendered message. Implementations throw {@link UndeliverableException} when
 * this message can never be delivered (no address, rejected number) and {@link DeliveryException} when
 * the failure is technical and trying again later may succeed.
 */
public interface ContactChannel {

    /** The channels this implementation delivers. */
    Set<Channel> channels();

    /**
     * @param deliveryReference the same for every retry of this contact, so a vendor can drop duplicates
     */
    SendReceipt send(RenderedMessage message, String deliveryReference);
}
