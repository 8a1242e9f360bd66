package io.collectflow.contact.log;

import java.time.Clock;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;

/** Delivery reports from the SMS gateway, kept beside (not in) the append-only contact log. */
@Service
public class SmsDeliveryStatus {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SmsDeliveryStatus(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a report; false when no SMS with that reference was sent (the report is then ignored). */
    public boolean report(String messageId, String status, String detail) {
        if (messageId == null || messageId.isBlank() || status == null || status.isBlank()) {
            throw new IllegalArgumentException("messageId and status are required");
        }
        Integer known = jdbc.sql("SELECT COUNT(*) FROM contact_log WHERE external_ref = :ref AND channel = 'sms'")
            .param("ref", messageId).query(Integer.class).single();
        if (known == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO sms_delivery_status (external_ref, status, detail, reported_at) VALUES (:ref, :s, :d, :t)")
            .param("ref", messageId).param("s", status.strip().toUpperCase(Locale.ROOT))
            .param("d", detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000))
            .param("t", DbTime.toDb(clock.instant())).update();
        return true;
    }

    /** The latest reported status, or null when none arrived yet. */
    public String latest(String messageId) {
        return jdbc.sql("SELECT status FROM sms_delivery_status WHERE external_ref = :ref ORDER BY id DESC")
            .param("ref", messageId).query(String.class).list().stream().findFirst().orElse(null);
    }
}
