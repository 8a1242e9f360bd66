package io.collectflow.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.log.ContactResults;

/**
 * Which write-off grounds (D2) a loan meets. Limitation and repeated failure are read from the data;
 * "confirmed unrecoverable" and "no estate" are findings of legal and estate work, declared by the caller.
 */
@Service
public class WriteOffEligibility {

    private final JdbcTemplate jdbc;
    private final LegalProperties properties;

    public WriteOffEligibility(JdbcTemplate jdbc, LegalProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The grounds met on {@code today}; empty = not eligible. */
    public List<WriteOffGround> grounds(String loanNo, Set<WriteOffGround> declared, LocalDate today) {
        List<WriteOffGround> grounds = new ArrayList<>();
        LocalDate lastClaim = lastAcknowledgedClaim(loanNo);
        if (lastClaim != null && !lastClaim.plus(properties.getLimitationPeriod()).isAfter(today)) {
            grounds.add(WriteOffGround.LIMITATION_EXPIRED);
        }
        Integer failed = jdbc.queryForObject("""
            SELECT COUNT(*) FROM contact_log WHERE loan_no = ? AND result IN ('NO_ANSWER', 'FAILED', 'UNDELIVERABLE')""",
            Integer.class, loanNo);
        if (failed != null && failed >= properties.getUncollectableAttempts()) {
            grounds.add(WriteOffGround.REPEATEDLY_UNCOLLECTABLE);
        }
        if (declared.contains(WriteOffGround.CONFIRMED_UNRECOVERABLE)) {
            grounds.add(WriteOffGround.CONFIRMED_UNRECOVERABLE);
        }
        if (declared.contains(WriteOffGround.DECEASED_NO_ESTATE) && deceased(loanNo)) {
            grounds.add(WriteOffGround.DECEASED_NO_ESTATE);
        }
        return grounds;
    }

    /** The latest of: first due date, last payment, last answered contact (the borrower acknowledged the claim). */
    LocalDate lastAcknowledgedClaim(String loanNo) {
        return jdbc.queryForObject("""
            SELECT GREATEST(l.first_due_on,
                   COALESCE((SELECT MAX(p.paid_on) FROM payment p WHERE p.loan_no = l.loan_no), l.first_due_on),
                   COALESCE((SELECT CAST(MAX(c.occurred_at) AS DATE) FROM contact_log c
                              WHERE c.loan_no = l.loan_no AND c.result IN (%s)), l.first_due_on))
              FROM loan l WHERE l.loan_no = ?""".formatted(ContactResults.REACHED_SQL), LocalDate.class, loanNo);
    }

    private boolean deceased(String loanNo) {
        Integer n = jdbc.queryForObject("""
            SELECT COUNT(*) FROM borrower_flag f JOIN loan l ON l.borrower_id = f.borrower_id
             WHERE l.loan_no = ? AND f.flag = 'DECEASED'""", Integer.class, loanNo);
        return n != null && n > 0;
    }
}
