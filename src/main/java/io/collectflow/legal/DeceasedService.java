package io.collectflow.legal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.compliance.BorrowerFlagService;
import io.collectflow.contact.compliance.UnknownLoanException;

/** C6: a death reported with evidence sets the DECEASED flag, which stops every contact at the guard. */
@Service
public class DeceasedService {

    private final JdbcTemplate jdbc;
    private final BorrowerFlagService flags;

    public DeceasedService(JdbcTemplate jdbc, BorrowerFlagService flags) {
        this.jdbc = jdbc;
        this.flags = flags;
    }

    /** Marks the loan's borrower deceased; returns false if already marked. */
    public boolean markDeceased(String loanNo, String evidence, String reportedBy) {
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("evidence: required (e.g. death certificate number)");
        }
        String borrowerId = jdbc.query("SELECT borrower_id FROM loan WHERE loan_no = ?",
            (rs, n) -> rs.getString(1), loanNo).stream().findFirst().orElseThrow(() -> new UnknownLoanException(loanNo));
        return flags.setDeceased(borrowerId, reportedBy, evidence);
    }
}
