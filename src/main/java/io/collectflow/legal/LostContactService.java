package io.collectflow.legal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.log.ContactResults;

/**
 * C5: delinquent loans whose borrower has not been reached for the configured period although contact was
 * attempted in it (no answered call, no visit since {@code today - lostContactAfter}). Left out: loans with a
 * skip trace running or ended within the period (a borrower found is not re-traced the next night) and
 * borrowers reported deceased (C6).
 */
@Service
public class LostContactService {

    private final JdbcTemplate jdbc;
    private final LegalProperties properties;

    public LostContactService(JdbcTemplate jdbc, LegalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public List<String> lostContactLoans(LocalDate today) {
        LocalDate since = today.minusDays(properties.getLostContactAfter().toDays());
        return jdbc.queryForList("""
            SELECT l.loan_no FROM loan l
             WHERE l.status = 'ACTIVE' AND l.dpd > 0 AND l.first_due_on <= ?
               AND EXISTS (SELECT 1 FROM contact_log c WHERE c.loan_no = l.loan_no AND c.occurred_at >= ?)
               AND NOT EXISTS (SELECT 1 FROM contact_log c WHERE c.loan_no = l.loan_no
                                AND c.result IN (%s) AND c.occurred_at >= ?)
               AND NOT EXISTS (SELECT 1 FROM lost_contact_case t WHERE t.loan_no = l.loan_no
                                AND (t.active_loan_no IS NOT NULL OR t.ended_at >= ?))
               AND NOT EXISTS (SELECT 1 FROM borrower_flag f WHERE f.borrower_id = l.borrower_id AND f.flag = 'DECEASED')
             ORDER BY l.loan_no""".formatted(ContactResults.REACHED_SQL), String.class,
            Date.valueOf(since), Date.valueOf(since), Date.valueOf(since),
            Date.valueOf(since));
    }

    /**
     * Whether the borrower of the loan's running skip trace has new contact data on record: a change of phone, e-mail
     * or address ({@code borrower_contact_change}, any source) since the trace started. False without a running trace.
     */
    public boolean newContactDataSinceTraceStarted(String loanNo) {
        Integer changes = jdbc.queryForObject("""
            SELECT COUNT(*) FROM lost_contact_case t
              JOIN loan l ON l.loan_no = t.active_loan_no
              JOIN borrower_contact_change c ON c.borrower_id = l.borrower_id AND c.changed_at >= t.started_at
             WHERE t.active_loan_no = ?""", Integer.class, loanNo);
        return changes != null && changes > 0;
    }

    /** The loan's status (ACTIVE, WRITTEN_OFF, …), empty for an unknown loan. */
    public Optional<String> loanStatus(String loanNo) {
        return jdbc.queryForList("SELECT status FROM loan WHERE loan_no = ?", String.class, loanNo).stream().findFirst();
    }

    /** The day of the last answered call or visit, empty if the borrower was never reached. */
    public Optional<LocalDate> lastReachedOn(String loanNo) {
        Timestamp last = jdbc.queryForObject("""
            SELECT MAX(occurred_at) FROM contact_log WHERE loan_no = ? AND result IN (%s)""".formatted(ContactResults.REACHED_SQL),
            Timestamp.class, loanNo);
        return Optional.ofNullable(last).map(t -> t.toLocalDateTime().toLocalDate());
    }
}
