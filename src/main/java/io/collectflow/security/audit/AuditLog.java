package io.collectflow.security.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: appends hash-chained rows, verifies the chain and reads ranges for the export.
 *
 * <p>An entry recorded inside a transaction is appended to the chain when that transaction commits (just before
 * its commit, {@link TransactionSynchronization#beforeCommit}), so the audited change and its record commit together
 * or not at all. Appends are serialized by the lock on the chain head; taking it at the end keeps it for the commit
 * only, not for the rest of the work: a task completion holding it from its listener to its commit kept every other
 * completion, job and scan thread waiting. Outside a transaction an entry is appended at once.
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

    /** Records one entry, at the time of the call; appended when the caller's transaction commits, if there is one. */
    public void record(String actor, String action, String subjectType, String subjectId, String details) {
        Unchained entry = new Unchained(clock.instant().truncatedTo(ChronoUnit.MILLIS), text(actor, "system", 128),
            text(action, "UNKNOWN", 64), text(subjectType, "-", 64), cut(subjectId, 200), cut(details, MAX_DETAILS));
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            PendingEntries.of(this).add(entry);
        } else {
            append(List.of(entry));
        }
    }

    /** The newest entry of the chain, if any. */
    public Optional<AuditEntry> last() {
        return jdbc.query("SELECT * FROM audit_event WHERE id = (SELECT last_id FROM audit_chain_head WHERE id = 1)",
            (rs, n) -> entry(rs)).stream().findFirst();
    }

    /** Appends {@code entries} to the chain in one transaction (the caller's, when it is committing). */
    private void append(List<Unchained> entries) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
            long id = ((Number) head.get("last_id")).longValue();
            String hash = (String) head.get("last_hash");
            for (Unchained e : entries) {
                id++;
                AuditEntry unsigned = new AuditEntry(id, e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                    e.details(), hash, null);
                hash = unsigned.chainHash();
                jdbc.update("INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, details,"
                    + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, e.at().atOffset(ZoneOffset.UTC),
                    e.actor(), e.action(), e.subjectType(), e.subjectId(), e.details(), unsigned.prevHash(), hash);
            }
            jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
        });
    }

    /** An entry before it has its place in the chain. */
    private record Unchained(Instant at, String actor, String action, String subjectType, String subjectId,
                             String details) {
    }

    /**
     * The entries recorded in the current transaction, appended before it commits; set aside while an inner
     * transaction of its own runs (Spring suspends the synchronization), and dropped when the transaction rolls back.
     */
    private static final class PendingEntries implements TransactionSynchronization {

        private final AuditLog log;
        private final List<Unchained> entries = new ArrayList<>();
        private boolean committing;

        private PendingEntries(AuditLog log) {
            this.log = log;
        }

        static PendingEntries of(AuditLog log) {
            PendingEntries pending = (PendingEntries) TransactionSynchronizationManager.getResource(log);
            if (pending == null) {
                pending = new PendingEntries(log);
                TransactionSynchronizationManager.bindResource(log, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            }
            return pending;
        }

        /** Kept for the commit; appended at once when the transaction is already committing (a later synchronization). */
        void add(Unchained entry) {
            if (committing) {
                log.append(List.of(entry));
            } else {
                entries.add(entry);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(log);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(log, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            if (!entries.isEmpty()) {
                log.append(List.copyOf(entries));
                entries.clear();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(log);
        }
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
