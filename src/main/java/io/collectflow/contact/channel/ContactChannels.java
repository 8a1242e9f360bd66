package io.collectflow.contact.channel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactProperties;

/** Picks the channel implementation: the outbox for everything in outbox mode, else the live one. */
public class ContactChannels {

    private final Map<Channel, ContactChannel> byChannel = new EnumMap<>(Channel.class);

    public ContactChannels(ContactProperties.Mode mode, OutboxChannel outbox, List<ContactChannel> live) {
        if (mode == ContactProperties.Mode.OUTBOX) {
            outbox.channels().forEach(c -> byChannel.put(c, outbox));
        } else {
            live.forEach(impl -> impl.channels().forEach(c -> byChannel.put(c, impl)));
        }
    }

    public ContactChannel forChannel(Channel channel) {
        ContactChannel impl = byChannel.get(channel);
        if (impl == null) {
            throw new UndeliverableException("no automated sending on channel " + channel.code()
                + " (calls and visits are made by people)");
        }
        return impl;
    }
}
