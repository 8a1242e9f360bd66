package io.collectflow.legal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * C5: delinquent loans whose borrower has not been reached for the configured period although contact was
 * attempted in it (no answered call, no visit since {@code today - lostContactAfter}).
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
                                AND c.result IN ('ANSWERED', 'VISITED') AND c.occurred_at >= ?)
             ORDER BY l.loan_no""", String.class, Date.valueOf(since), Date.valueOf(since), Date.valueOf(since));
    }
}
