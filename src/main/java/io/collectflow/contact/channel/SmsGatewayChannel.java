package io.collectflow.contact.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.collectflow.contact.Channel;
import io.collectflow.contact.template.RenderedMessage;

/**
 * SMS through the vendor's HTTP gateway: {@code POST {url}} with {@code {"to","text","reference"}}; the
 * answer's {@code messageId} is kept, and the gateway later reports delivery to
 * {@code POST /api/contact/sms/status}.
 */
public class SmsGatewayChannel implements ContactChannel {

    private final HttpGateway gateway;

    public SmsGatewayChannel(HttpGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.SMS);
    }

    @Override
    public SendReceipt send(RenderedMessage message, String deliveryReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", message.recipient());
        body.put("text", message.text());
        body.put("reference", message.loanNo());
        body.put("clientReference", deliveryReference);
        Object id = gateway.post(body).get("messageId");
        if (id == null) {
            throw new DeliveryException("SMS gateway answered without a messageId", null);
        }
        return new SendReceipt(id.toString());
    }
}
