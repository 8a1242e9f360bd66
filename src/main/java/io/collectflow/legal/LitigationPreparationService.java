package io.collectflow.legal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;

/**
 * The litigation files legal officers prepare for a loan's legal action (C5/D3, {@code litigation_preparation}): what
 * Prepare litigation captured, who prepared it and when. The legal action shows the loan's latest one.
 */
@Service
public class LitigationPreparationService {

    /** A stored preparation. */
    public record Prepared(long id, String loanNo, LitigationPreparation preparation, String preparedBy,
            Instant preparedAt) {
    }

    private static final RowMapper<Prepared> PREPARED = (rs, n) -> new Prepared(rs.getLong("id"),
        rs.getString("loan_no"), new LitigationPreparation(rs.getBigDecimal("claim_amount"),
            rs.getBoolean("evidence_checked"), rs.getString("court"), rs.getBoolean("service_by_publication"),
            rs.getString("notes")),
        rs.getString("prepared_by"), DbTime.fromDb(rs.getObject("prepared_at", LocalDateTime.class)));

    private final JdbcTemplate jdbc;
    private final CaseBundleService bundles;

    public LitigationPreparationService(JdbcTemplate jdbc, CaseBundleService bundles) {
        this.jdbc = jdbc;
        this.bundles = bundles;
    }

    /** The claim the preparation starts from: what the loan book says is owed (as the lawyer letter demands). */
    public BigDecimal proposedClaim(String loanNo) {
        return bundles.balance(loanNo);
    }

    /**
     * Stores what was prepared for the loan by {@code preparedBy} (null when unknown) in the process instance that
     * asked for it; returns its id.
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
        return key.getKey().longValue();
    }

    /** The loan's latest preparation, if any. */
    public Optional<Prepared> latest(String loanNo) {
        return jdbc.query("SELECT * FROM litigation_preparation WHERE loan_no = ? ORDER BY id DESC", PREPARED, loanNo)
            .stream().findFirst();
    }
}
