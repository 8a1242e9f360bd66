package io.collectflow.contact.compliance;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what the guard needs about the borrower of a loan: region, time zone and active flags. */
@Repository
public class BorrowerDirectory {

    private final JdbcClient jdbc;

    public BorrowerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ContactSubject> byLoan(String loanNo) {
        return jdbc.sql("""
                SELECT b.borrower_id, b.region, b.timezone FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id
                WHERE l.loan_no = :loanNo
                """)
            .param("loanNo", loanNo)
            .query((rs, n) -> new ContactSubject(rs.getString(1), loanNo, rs.getString(2), ZoneId.of(rs.getString(3)),
                flags(rs.getString(1))))
            .optional();
    }

    public Set<BorrowerFlag> flags(String borrowerId) {
        Set<BorrowerFlag> flags = EnumSet.noneOf(BorrowerFlag.class);
        jdbc.sql("SELECT flag FROM borrower_flag WHERE borrower_id = :id").param("id", borrowerId)
            .query(String.class).list().forEach(f -> flags.add(BorrowerFlag.valueOf(f)));
        return flags;
    }
}
