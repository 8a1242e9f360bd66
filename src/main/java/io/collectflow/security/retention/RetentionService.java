package io.collectflow.security.retention;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.security.audit.AuditLog;

/**
 * Purges our own contact records once their retention has passed: contact_log rows that occurred, and
 * compliance_verdict rows recorded, before {@code asOf − retention} (verdicts still referenced by a kept contact
 * stay). The engine's history is removed by its own history cleanup (historyTimeToLive). Each purge is audited.
 */
@Service
public class RetentionService {

    /** What one purge removed. */
    public record Purged(LocalDate cutoff, int contactLogRows, int complianceVerdictRows) {
    }

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final AuditLog audit;

    public RetentionService(JdbcTemplate jdbc, RetentionProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional
    public Purged purge(LocalDate asOf) {
        LocalDate cutoff = asOf.minus(properties.contactRecords());
        Timestamp before = Timestamp.from(cutoff.atStartOfDay(ZoneOffset.UTC).toInstant());
        int contacts = jdbc.update("DELETE FROM contact_log WHERE occurred_at < ?", before);
        int verdicts = jdbc.update("DELETE FROM compliance_verdict WHERE recorded_at < ? AND NOT EXISTS"
            + " (SELECT 1 FROM contact_log c WHERE c.verdict_id = compliance_verdict.id)", before);
        audit.record("system", "RETENTION_PURGE", "contact-records", null,
            "cutoff=" + cutoff + "; contact_log=" + contacts + "; compliance_verdict=" + verdicts);
        return new Purged(cutoff, contacts, verdicts);
    }
}
