package io.collectflow.loan;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.collectflow.loan.schedule.ScheduleCalculator;
import io.collectflow.security.pii.BorrowerPii;
import io.collectflow.loan.schedule.ScheduledInstallment;

/**
 * Set-based SQL for booking loans: existence checks in chunks, inserts as JDBC batches. The borrower's personal
 * columns are written encrypted ({@link BorrowerPii}).
 */
@Repository
public class LoanBookRepository {

    private static final int CHUNK = Chunks.SIZE;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    private final BorrowerPii pii;

    public LoanBookRepository(JdbcTemplate jdbc, BorrowerPii pii) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Set<String> existingLoanNos(Collection<String> loanNos) {
        return existing("SELECT loan_no FROM loan WHERE loan_no IN (:ids)", loanNos);
    }

    public Set<String> existingBorrowerIds(Collection<String> borrowerIds) {
        return existing("SELECT borrower_id FROM borrower WHERE borrower_id IN (:ids)", borrowerIds);
    }

    private Set<String> existing(String sql, Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : Chunks.of(ids)) {
            found.addAll(named.queryForList(sql, new MapSqlParameterSource("ids", chunk), String.class));
        }
        return found;
    }

    public void insertBorrowers(List<NewBorrower> borrowers, Instant now) {
        jdbc.batchUpdate("INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", borrowers, CHUNK, (ps, b) -> {
                ps.setString(1, b.borrowerId());
                setContact(ps, 2, b);
                ps.setTimestamp(9, Timestamp.from(now));
            });
    }

    /** Contact data of existing borrowers is replaced by the latest file's. */
    public void updateBorrowers(List<NewBorrower> borrowers) {
        jdbc.batchUpdate("UPDATE borrower SET name = ?, id_number = ?, phone = ?, email = ?, address = ?, region = ?,"
            + " timezone = ? WHERE borrower_id = ?", borrowers, CHUNK, (ps, b) -> {
                setContact(ps, 1, b);
                ps.setString(8, b.borrowerId());
            });
    }

    private void setContact(PreparedStatement ps, int first, NewBorrower b) throws SQLException {
        ps.setString(first, b.name());
        ps.setString(first + 1, pii.seal(BorrowerPii.ID_NUMBER, b.idNumber()));
        ps.setString(first + 2, pii.seal(BorrowerPii.PHONE, b.phone()));
        ps.setString(first + 3, pii.seal(BorrowerPii.EMAIL, b.email()));
        ps.setString(first + 4, pii.seal(BorrowerPii.ADDRESS, b.address()));
        ps.setString(first + 5, b.region());
        ps.setString(first + 6, b.timezone());
    }

    public void insertLoans(List<NewLoan> loans, Instant now) {
        jdbc.batchUpdate("INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate,"
            + " term_months, disbursed_on, first_due_on, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            loans, CHUNK, (ps, l) -> {
                ps.setString(1, l.loanNo());
                ps.setString(2, l.borrower().borrowerId());
                ps.setString(3, l.product().code());
                ps.setBigDecimal(4, l.principal());
                ps.setBigDecimal(5, l.annualRate());
                ps.setBigDecimal(6, l.penaltyRate());
                ps.setInt(7, l.termMonths());
                ps.setDate(8, Date.valueOf(l.disbursedOn()));
                ps.setDate(9, Date.valueOf(l.firstDueOn()));
                ps.setString(10, LoanStatus.ACTIVE.name());
                ps.setTimestamp(11, Timestamp.from(now));
            });
        insertSchedules(loans);
    }

    private void insertSchedules(List<NewLoan> loans) {
        String sql = "INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due) VALUES (?, ?, ?, ?, ?)";
        List<Object[]> batch = new ArrayList<>();
        for (NewLoan loan : loans) {
            for (ScheduledInstallment i : ScheduleCalculator.annuity(loan.principal(), loan.annualRate(),
                    loan.termMonths(), loan.firstDueOn())) {
                batch.add(new Object[] {loan.loanNo(), i.seq(), Date.valueOf(i.dueOn()), i.principalDue(),
                    i.interestDue()});
            }
            if (batch.size() >= CHUNK) {
                jdbc.batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(sql, batch);
        }
    }
}
