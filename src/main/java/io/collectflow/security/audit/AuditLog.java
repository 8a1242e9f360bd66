package io.collectflow.security.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: appends hash-chained rows (in the caller's transaction when there is one, so an audited
 * change and its record commit together), verifies the chain and reads ranges for the export.
 */
@Service
public class AuditLog {

    private static final int MAX_DETAILS = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Appends one entry; appends are serialized by the lock on the chain head. */
    public AuditEntry record(String actor, String action, String subjectType, String subjectId, String details) {
        return tx.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            long id = ((Number) head.get("last_id")).longValue() + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            AuditEntry unsigned = new AuditEntry(id, now, text(actor, "system", 128), text(action, "UNKNOWN", 64),
                text(subjectType, "-", 64), cut(subjectId, 200), cut(details, MAX_DETAILS), (String) head.get("last_hash"),
                null);
            String hash = unsigned.chainHash();
            jdbc.update("INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, details,"
                + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, now.atOffset(ZoneOffset.UTC),
                unsigned.actor(), unsigned.action(), unsigned.subjectType(), unsigned.subjectId(), unsigned.details(),
                unsigned.prevHash(), hash);
            jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
            return new AuditEntry(id, now, unsigned.actor(), unsigned.action(), unsigned.subjectType(),
                unsigned.subjectId(), unsigned.details(), unsigned.prevHash(), hash);
        });
    }

    /** Recomputes the whole chain: every hash, every link, no gap, and the head pointing at the last row. */
    public AuditVerification verify() {
        return tx.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
            ChainCheck check = new ChainCheck();
            jdbc.query("SELECT * FROM audit_event ORDER BY id", rs -> {
                check.next(entry(rs));
            });
            long headId = ((Number) head.get("last_id")).longValue();
            if (check.firstBroken == null && (headId != check.expectedId - 1 || !head.get("last_hash").equals(check.hash))) {
                check.firstBroken = Math.min(headId, check.expectedId);
            }
            return new AuditVerification(check.firstBroken == null, check.entries, check.firstBroken);
        });
    }

    /** Entries in [from, to), oldest first. */
    public List<AuditEntry> between(Instant from, Instant to) {
        return jdbc.query("SELECT * FROM audit_event WHERE occurred_at >= ? AND occurred_at < ? ORDER BY id",
            (rs, n) -> entry(rs), from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
            rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
            rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static final class ChainCheck {
        long expectedId = 1;
        long entries;
        String hash = AuditEntry.GENESIS;
        Long firstBroken;

        void next(AuditEntry entry) {
            entries++;
            if (firstBroken == null && (entry.id() != expectedId || !entry.prevHash().equals(hash)
                    || !entry.hash().equals(entry.chainHash()))) {
                firstBroken = Math.min(entry.id(), expectedId);
            }
            expectedId = entry.id() + 1;
            hash = entry.hash();
        }
    }

    private static String text(String value, String fallback, int max) {
        return value == null || value.isBlank() ? fallback : cut(value, max);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
