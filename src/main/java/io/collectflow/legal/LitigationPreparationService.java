package io.collectflow.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;
import io.collectflow.security.audit.AuditLog;

/**
 * The litigation files legal officers prepare for a loan's legal action (C5/D3, {@code litigation_preparation}): what
 * Prepare litigation captured, who prepared it and when, each audited ({@value #AUDIT_PREPARED}). The legal action
 * shows the loan's latest one; {@code GET /api/loans/{loanNo}/litigation-preparations} lists them all.
 */
@Service
public class LitigationPreparationService {

    /**
     * Audit action: a litigation file was prepared (by who completed Prepare litigation; claim, court, boxes). Entries
     * recorded before it was renamed say {@code LITIGATION_PREPARED} (same meaning, same details; the hash-chained
     * trail is never rewritten) — the name that is also a lost-contact outcome
     * ({@code LostContactEndedListener.LITIGATION_PREPARED}), hence the new one.
     */
    public static final String AUDIT_PREPARED = "LITIGATION_FILE_PREPARED";

    /** A stored preparation, with the lost-contact process instance that recorded it. */
    public record Prepared(long id, String loanNo, String processInstanceId, LitigationPreparation preparation,
            String preparedBy, Instant preparedAt) {
    }

    private static final RowMapper<Prepared> PREPARED = (rs, n) -> new Prepared(rs.getLong("id"),
        rs.getString("loan_no"), rs.getString("process_instance_id"),
        new LitigationPreparation(rs.getBigDecimal("claim_amount"), rs.getBoolean("evidence_checked"),
            rs.getString("court"), rs.getBoolean("service_by_publication"), rs.getString("notes")),
        rs.getString("prepared_by"), DbTime.fromDb(rs.getObject("prepared_at", LocalDateTime.class)));

    private final JdbcTemplate jdbc;
    private final CaseBundleService bundles;
    private final AuditLog audit;

    public LitigationPreparationService(JdbcTemplate jdbc, CaseBundleService bundles, AuditLog audit) {
        this.jdbc = jdbc;
        this.bundles = bundles;
        this.audit = audit;
    }

    /** The claim the preparation starts from: what the loan book says is owed (as the lawyer letter demands). */
    public BigDecimal proposedClaim(String loanNo) {
        return bundles.balance(loanNo);
    }

    /**
     * Stores what was prepared for the loan by {@code preparedBy} (null when unknown) in the process instance that
     * asked for it; returns its id. Audited ({@value #AUDIT_PREPARED}, on the loan, in the caller's transaction) under
     * {@code preparedBy} ("system" when unknown) with the file's essentials; the notes stay on the record only.
     */
    public long record(String loanNo, String processInstanceId, LitigationPreparation preparation, String preparedBy,
            Instant preparedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                INSERT INTO litigation_preparation (loan_no, process_instance_id, claim_amount, evidence_checked, court,
                    service_by_publication, notes, prepared_by, prepared_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new String[] {"id"});
            insert.setString(1, loanNo);
            insert.setString(2, processInstanceId);
            insert.setBigDecimal(3, preparation.claimAmount());
            insert.setBoolean(4, preparation.evidenceChecked());
            insert.setString(5, preparation.court());
            insert.setBoolean(6, preparation.serviceByPublication());
            insert.setString(7, preparation.notes());
            insert.setString(8, preparedBy);
            insert.setObject(9, DbTime.toDb(preparedAt));
            return insert;
        }, key);
        long id = key.getKey().longValue();
        audit.record(preparedBy, AUDIT_PREPARED, "loan", loanNo, "litigation preparation " + id + ": claim "
            + preparation.claimAmount().toPlainString() + ", court " + preparation.court() + ", evidence bundle checked"
            + ", service by publication " + (preparation.serviceByPublication() ? "asked" : "not asked")
            + ", process instance " + processInstanceId);
        return id;
    }

    /** The loan's preparations, oldest first; {@link NoSuchElementException} for an unknown loan. */
    public List<Prepared> forLoan(String loanNo) {
        if (jdbc.queryForList("SELECT loan_no FROM loan WHERE loan_no = ?", String.class, loanNo).isEmpty()) {
            throw new NoSuchElementException("loan " + loanNo + " not found");
        }
        return jdbc.query("SELECT * FROM litigation_preparation WHERE loan_no = ? ORDER BY id", PREPARED, loanNo);
    }

    /** The loan's latest preparation, if any. */
    public Optional<Prepared> latest(String loanNo) {
        return jdbc.query("SELECT * FROM litigation_preparation WHERE loan_no = ? ORDER BY id DESC", PREPARED, loanNo)
            .stream().findFirst();
    }
}
