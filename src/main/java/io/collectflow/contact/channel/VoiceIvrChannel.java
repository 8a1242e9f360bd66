package io.collectflow.contact.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.collectflow.contact.Channel;
import io.collectflow.contact.template.RenderedMessage;

/** Voice reminders: the IVR robot's HTTP API gets {@code {"to","script","language","reference"}} and answers {@code callId}. */
public class VoiceIvrChannel implements ContactChannel {

    private final HttpGateway gateway;

    public VoiceIvrChannel(HttpGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.VOICE);
    }

    @Override
    public SendReceipt send(RenderedMessage message, String deliveryReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.recipient());
        body.put("script", message.text());
        body.put("language", message.language());
        body.put("reference", message.loanNo());
        body.put("clientReference", deliveryReference);
        Object id = gateway.post(body).get("callId");
        if (id == null) {
            throw new DeliveryException("IVR answered without a callId", null);
        }
        return new SendReceipt(id.toString());
    }
}
