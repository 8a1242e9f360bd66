package io.collectflow.contact.compliance;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the guard needs about the borrower of a loan: region, time zone and active flags. The one place that
 * knows where the borrower's time zone is kept and when it counts as known ({@link #zoneOf}).
 */
@Repository
public class BorrowerDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(BorrowerDirectory.class);
    private static final String BORROWER_OF_LOAN =
        " FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id WHERE l.loan_no = :loanNo";

    private final JdbcClient jdbc;

    public BorrowerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The guard's view of the loan's borrower; empty for an unknown loan.
     *
     * @throws IllegalStateException when the borrower's time zone is not one we know (the guard cannot tell their
     *                               hours)
     */
    public Optional<ContactSubject> byLoan(String loanNo) {
        return jdbc.sql("SELECT b.borrower_id, b.region, b.timezone" + BORROWER_OF_LOAN)
            .param("loanNo", loanNo)
            .query((rs, n) -> new ContactSubject(rs.getString(1), loanNo, rs.getString(2),
                zone(loanNo, rs.getString(3)).orElseThrow(() -> new IllegalStateException(
                    "the borrower of loan " + loanNo + " has no known time zone")),
                flags(rs.getString(1))))
            .optional();
    }

    /**
     * The time zone of the loan's borrower; empty when the loan is unknown or the borrower's zone is blank or no zone
     * id (logged), so a caller that can do without it decides what counts instead.
     */
    public Optional<ZoneId> zoneOf(String loanNo) {
        return jdbc.sql("SELECT b.timezone" + BORROWER_OF_LOAN).param("loanNo", loanNo).query(String.class)
            .optional().flatMap(zone -> zone(loanNo, zone));
    }

    public Set<BorrowerFlag> flags(String borrowerId) {
        Set<BorrowerFlag> flags = EnumSet.noneOf(BorrowerFlag.class);
        jdbc.sql("SELECT flag FROM borrower_flag WHERE borrower_id = :id").param("id", borrowerId)
            .query(String.class).list().forEach(f -> flags.add(BorrowerFlag.valueOf(f)));
        return flags;
    }

    private static Optional<ZoneId> zone(String loanNo, String stored) {
        if (stored == null || stored.isBlank()) {
            LOG.warn("The borrower of loan {} has no time zone", loanNo);
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(stored.strip()));
        } catch (DateTimeException e) {
            LOG.warn("The borrower of loan {} has an unknown time zone '{}'", loanNo, stored);
            return Optional.empty();
        }
    }
}
