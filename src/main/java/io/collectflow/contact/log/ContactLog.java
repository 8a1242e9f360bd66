package io.collectflow.contact.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.collectflow.contact.Channel;
import io.collectflow.contact.DbTime;
import io.collectflow.contact.Operator;
import io.collectflow.contact.OperatorType;
import io.collectflow.contact.compliance.ContactHistory;

/**
 * The append-only contact log (B4, F5): this class only inserts and reads; nothing in the application
 * updates or deletes a row. It is also the history the frequency caps count (all operators together).
 * Every append publishes a {@link ContactLogged} event.
 */
@Repository
public class ContactLog implements ContactHistory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private ApplicationEventPublisher events;

    public ContactLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where {@link ContactLogged} events go (the application context; none in plain unit tests). */
    @Autowired(required = false)
    public void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    public long append(ContactLogEntry e) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, purpose, template_id,
                    template_version, content_hash, result, operator_id, operator_type, verdict_id, summary,
                    external_ref, recorded_at)
                VALUES (:occurredAt, :loanNo, :borrowerId, :channel, :purpose, :templateId, :templateVersion,
                    :contentHash, :result, :operatorId, :operatorType, :verdictId, :summary, :externalRef, :recordedAt)
                """)
            .param("occurredAt", DbTime.toDb(e.occurredAt()))
            .param("loanNo", e.loanNo())
            .param("borrowerId", e.borrowerId())
            .param("channel", e.channel().code())
            .param("purpose", e.purpose())
            .param("templateId", e.templateId())
            .param("templateVersion", e.templateVersion())
            .param("contentHash", e.contentHash())
            .param("result", e.result())
            .param("operatorId", e.operator().id())
            .param("operatorType", e.operator().type().name())
            .param("verdictId", e.verdictId())
            .param("summary", truncate(e.summary(), 2000))
            .param("externalRef", e.externalRef())
            .param("recordedAt", DbTime.toDb(clock.instant()))
            .update(keys, "id");
        long id = keys.getKey().longValue();
        if (events != null) {
            events.publishEvent(new ContactLogged(id, e.loanNo(), e.borrowerId(), e.channel().code(), e.result()));
        }
        return id;
    }

    public List<ContactLogEntry> forLoan(String loanNo) {
        return jdbc.sql("SELECT * FROM contact_log WHERE loan_no = :loanNo ORDER BY occurred_at, id")
            .param("loanNo", loanNo).query(ContactLog::map).list();
    }

    /** The template id of the borrower's last contact with this purpose (for variant rotation). */
    public String lastTemplateId(String borrowerId, String purpose, String language) {
        return jdbc.sql("""
                SELECT template_id FROM contact_log
                WHERE borrower_id = :borrowerId AND purpose = :purpose AND template_id LIKE :prefix
                ORDER BY occurred_at DESC, id DESC
                """)
            .param("borrowerId", borrowerId).param("purpose", purpose).param("prefix", purpose + "/" + language + "/%")
            .query(String.class).list().stream().findFirst().orElse(null);
    }

    @Override
    public List<Instant> attempts(String borrowerId, Set<Channel> channels, Instant from, Instant to) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT occurred_at FROM contact_log
                WHERE borrower_id = :borrowerId AND channel IN (:channels) AND result <> :failed
                  AND occurred_at >= :from AND occurred_at <= :to
                """)
            .param("borrowerId", borrowerId)
            .param("channels", channels.stream().map(Channel::code).toList())
            .param("failed", ContactLogEntry.RESULT_FAILED)
            .param("from", DbTime.toDb(from))
            .param("to", DbTime.toDb(to))
            .query((rs, n) -> DbTime.fromDb(rs.getObject(1, LocalDateTime.class))).list();
    }

    private static ContactLogEntry map(ResultSet rs, int row) throws SQLException {
        long verdict = rs.getLong("verdict_id");
        Long verdictId = rs.wasNull() ? null : verdict;
        int version = rs.getInt("template_version");
        Integer templateVersion = rs.wasNull() ? null : version;
        return new ContactLogEntry(rs.getLong("id"), DbTime.fromDb(rs.getObject("occurred_at", LocalDateTime.class)),
            rs.getString("loan_no"), rs.getString("borrower_id"), Channel.fromCode(rs.getString("channel")),
            rs.getString("purpose"), rs.getString("template_id"), templateVersion, rs.getString("content_hash"),
            rs.getString("result"), new Operator(rs.getString("operator_id"), OperatorType.valueOf(rs.getString("operator_type"))),
            verdictId, rs.getString("summary"), rs.getString("external_ref"));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
