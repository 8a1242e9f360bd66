package io.collectflow.contact.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.collectflow.contact.Channel;
import io.collectflow.contact.DbTime;
import io.collectflow.contact.template.RenderedMessage;

/** The demo's recording channel: every message lands in contact_outbox and nothing is sent. */
public class OutboxChannel implements ContactChannel {

    /** A recorded message. */
    public record OutboxMessage(long id, String channel, String loanNo, String recipient, String subject, String body,
            String externalRef, Instant recordedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxChannel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.of(Channel.SMS, Channel.EMAIL, Channel.VOICE);
    }

    @Override
    public SendReceipt send(RenderedMessage message, String deliveryReference) {
        String ref = "outbox-" + UUID.randomUUID() + (deliveryReference == null ? "" : "-" + deliveryReference);
        jdbc.sql("""
                INSERT INTO contact_outbox (channel, loan_no, recipient, subject, body, external_ref, recorded_at)
                VALUES (:channel, :loanNo, :recipient, :subject, :body, :ref, :at)
                """)
            .param("channel", message.channel().code()).param("loanNo", message.loanNo())
            .param("recipient", message.recipient()).param("subject", message.subject()).param("body", message.text())
            .param("ref", ref).param("at", DbTime.toDb(clock.instant())).update();
        return new SendReceipt(ref);
    }

    /** The latest messages, newest first, optionally for one loan. */
    public List<OutboxMessage> recent(String loanNo, int limit) {
        String where = loanNo == null ? "" : " WHERE loan_no = :loanNo";
        JdbcClient.StatementSpec query = jdbc.sql("SELECT * FROM contact_outbox" + where + " ORDER BY id DESC LIMIT :limit")
            .param("limit", limit);
        if (loanNo != null) {
            query = query.param("loanNo", loanNo);
        }
        return query
            .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("loan_no"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("external_ref"),
                DbTime.fromDb(rs.getObject("recorded_at", java.time.LocalDateTime.class))))
            .list();
    }
}
