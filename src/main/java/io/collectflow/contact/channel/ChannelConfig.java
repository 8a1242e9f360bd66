package io.collectflow.contact.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

import io.collectflow.contact.ContactProperties;

/** Builds the channels; {@code collectflow.contact.mode} decides between outbox and live sending. */
@Configuration
public class ChannelConfig {

    @Bean
    OutboxChannel outboxChannel(JdbcClient jdbc, Clock clock) {
        return new OutboxChannel(jdbc, clock);
    }

    @Bean
    ContactChannels contactChannels(ContactProperties properties, OutboxChannel outbox, RestClient.Builder rest,
            ObjectProvider<JavaMailSender> mail) {
        List<ContactChannel> live = new ArrayList<>();
        if (properties.getMode() == ContactProperties.Mode.LIVE) {
            live.add(new SmsGatewayChannel(new HttpGateway("SMS gateway", properties.getSms(), rest)));
            live.add(new VoiceIvrChannel(new HttpGateway("IVR", properties.getVoice(), rest)));
            JavaMailSender sender = mail.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("collectflow.contact.mode=live needs an SMTP server: set spring.mail.host");
            }
            live.add(new EmailChannel(sender, properties.getEmail().getFrom()));
        }
        return new ContactChannels(properties.getMode(), outbox, live);
    }
}
