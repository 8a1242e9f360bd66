package io.collectflow.legal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code lost_contact_case} table: at most one running skip trace per loan, guarded by the UNIQUE
 * {@code active_loan_no} (cleared when the process ends), so concurrent starts on several nodes yield one.
 */
@Repository
public class LostContactRegistry {

    private final JdbcTemplate jdbc;

    public LostContactRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the loan for a new skip trace; empty if one is running (the caller's transaction must then roll back). */
    public Optional<Long> claim(String loanNo, String startedBy, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("""
                    INSERT INTO lost_contact_case (loan_no, active_loan_no, started_by, started_at)
                    VALUES (?, ?, ?, ?)""", new String[] {"id"});
                ps.setString(1, loanNo);
                ps.setString(2, loanNo);
                ps.setString(3, startedBy);
                ps.setTimestamp(4, Timestamp.from(now));
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    public void attachProcessInstance(long id, String processInstanceId) {
        jdbc.update("UPDATE lost_contact_case SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    /** The process instance of the loan's running skip trace, if any. */
    public Optional<String> runningProcessInstance(String loanNo) {
        return jdbc.queryForList("SELECT process_instance_id FROM lost_contact_case WHERE active_loan_no = ?",
            String.class, loanNo).stream().findFirst();
    }

    /** Process instances of the running skip traces of every loan of the borrower of {@code loanNo}. */
    public List<String> runningOfBorrowerOf(String loanNo) {
        return jdbc.queryForList("""
            SELECT t.process_instance_id FROM lost_contact_case t JOIN loan l ON l.loan_no = t.active_loan_no
             WHERE t.process_instance_id IS NOT NULL
               AND l.borrower_id = (SELECT borrower_id FROM loan WHERE loan_no = ?)""", String.class, loanNo);
    }

    /** The skip trace run by this process instance ended (outcome null when cancelled). */
    public void end(String processInstanceId, String outcome, Instant now) {
        jdbc.update("""
            UPDATE lost_contact_case SET active_loan_no = NULL, ended_at = ?, outcome = ?
             WHERE process_instance_id = ? AND active_loan_no IS NOT NULL""", Timestamp.from(now), outcome,
            processInstanceId);
    }

    /** Frees the loan if its row points at a process that no longer runs (e.g. deleted without listeners). */
    public void release(String loanNo, Instant now) {
        jdbc.update("UPDATE lost_contact_case SET active_loan_no = NULL, ended_at = ? WHERE active_loan_no = ?",
            Timestamp.from(now), loanNo);
    }
}
