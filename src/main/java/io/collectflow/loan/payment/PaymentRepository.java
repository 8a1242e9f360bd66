package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.collectflow.loan.Chunks;
import io.collectflow.loan.LoanStatus;

/** SQL for payments and their allocation. */
@Repository
public class PaymentRepository {

    private static final int CHUNK = Chunks.SIZE;
    private static final String PAYMENT_COLUMNS = "payment_ref, loan_no, paid_on, amount, channel";
    private static final RowMapper<PaymentCommand> PAYMENT = (rs, n) -> new PaymentCommand(rs.getString(1),
        rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5));

    private static final RowMapper<Allocator.Allocation> ALLOCATION = (rs, n) -> new Allocator.Allocation(
        rs.getString(1), rs.getInt(2), AllocationComponent.valueOf(rs.getString(3)), rs.getBigDecimal(4),
        rs.getDate(5).toLocalDate());

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public PaymentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public Optional<PaymentCommand> find(String paymentRef) {
        return jdbc.query("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE payment_ref = ?", PAYMENT, paymentRef)
            .stream().findFirst();
    }

    public Map<String, PaymentCommand> findAll(Collection<String> paymentRefs) {
        Map<String, PaymentCommand> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(paymentRefs)) {
            named.query("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE payment_ref IN (:refs)",
                new MapSqlParameterSource("refs", chunk), PAYMENT).forEach(p -> found.put(p.paymentRef(), p));
        }
        return found;
    }

    /** Disbursement date of each known loan among {@code loanNos}. */
    public Map<String, LocalDate> disbursements(Collection<String> loanNos) {
        Map<String, LocalDate> found = new HashMap<>();
        for (List<String> chunk : Chunks.of(loanNos)) {
            named.query("SELECT loan_no, disbursed_on FROM loan WHERE loan_no IN (:ids)",
                new MapSqlParameterSource("ids", chunk), rs -> {
                    found.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        }
        return found;
    }

    /** Locks the loan row for this transaction; returns its disbursement date, empty if the loan is unknown. */
    public Optional<LocalDate> lockLoan(String loanNo) {
        return jdbc.query("SELECT disbursed_on FROM loan WHERE loan_no = ? FOR UPDATE",
            (rs, n) -> rs.getDate(1).toLocalDate(), loanNo).stream().findFirst();
    }

    public void insert(List<PaymentCommand> payments, Instant receivedAt) {
        jdbc.batchUpdate("INSERT INTO payment (" + PAYMENT_COLUMNS + ", received_at) VALUES (?, ?, ?, ?, ?, ?)",
            payments, CHUNK, (ps, p) -> {
                ps.setString(1, p.paymentRef());
                ps.setString(2, p.loanNo());
                ps.setDate(3, Date.valueOf(p.paidOn()));
                ps.setBigDecimal(4, p.amount());
                ps.setString(5, p.channel());
                ps.setTimestamp(6, Timestamp.from(receivedAt));
            });
    }

    /** The loan's installments: seq → {penalty_due, interest_due, principal_due}. */
    public Map<Integer, BigDecimal[]> dues(String loanNo) {
        Map<Integer, BigDecimal[]> dues = new TreeMap<>();
        jdbc.query("SELECT seq, penalty_due, interest_due, principal_due FROM installment WHERE loan_no = ?",
            rs -> {
                dues.put(rs.getInt(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
            }, loanNo);
        return dues;
    }

    public List<Allocator.Allocation> allocationsOfLoan(String loanNo) {
        return jdbc.query("SELECT payment_ref, seq, component, amount, paid_on FROM payment_allocation"
            + " WHERE loan_no = ?", ALLOCATION, loanNo);
    }

    public void deleteAllocations(String loanNo, Collection<String> paymentRefs) {
        for (List<String> chunk : Chunks.of(paymentRefs)) {
            named.update("DELETE FROM payment_allocation WHERE loan_no = :loan AND payment_ref IN (:refs)",
                new MapSqlParameterSource("loan", loanNo).addValue("refs", chunk));
        }
    }

    /** The loan's payments in posting order (received_at, then reference). */
    public List<Allocator.Payment> payments(String loanNo) {
        return jdbc.query("SELECT payment_ref, paid_on, amount FROM payment WHERE loan_no = ?"
            + " ORDER BY received_at, payment_ref", (rs, n) -> new Allocator.Payment(rs.getString(1),
                rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)), loanNo);
    }

    public List<Allocator.Allocation> allocations(String paymentRef) {
        return jdbc.query("SELECT payment_ref, seq, component, amount, paid_on FROM payment_allocation"
            + " WHERE payment_ref = ? ORDER BY seq, component", ALLOCATION, paymentRef);
    }

    /**
     * Stores the paid amounts per installment (seq → {penalty, interest, principal}). The allocation works them out
     * for every installment of the loan; only the installments whose amounts changed are written (a payment usually
     * touches one or two of a loan's dozens, and an unchanged row written again costs its index entries and log).
     */
    public void savePaid(String loanNo, Map<Integer, BigDecimal[]> paid) {
        jdbc.batchUpdate("UPDATE installment SET penalty_paid = ?, interest_paid = ?, principal_paid = ?"
            + " WHERE loan_no = ? AND seq = ?"
            + " AND (penalty_paid <> ? OR interest_paid <> ? OR principal_paid <> ?)",
            new ArrayList<>(paid.entrySet()), CHUNK, (ps, e) -> {
                BigDecimal[] amounts = e.getValue();
                for (int i = 0; i < 3; i++) {
                    ps.setBigDecimal(1 + i, amounts[i]);
                    ps.setBigDecimal(6 + i, amounts[i]);
                }
                ps.setString(4, loanNo);
                ps.setInt(5, e.getKey());
            });
    }

    /**
     * Stores new allocation rows and the resulting state: paid amounts per installment
     * (seq → {penalty, interest, principal}), the loan's credit and (unless written off) status.
     */
    public void saveAllocation(String loanNo, List<Allocator.Allocation> rows, Map<Integer, BigDecimal[]> paid,
            BigDecimal credit, boolean fullyPaid) {
        jdbc.batchUpdate("INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)"
            + " VALUES (?, ?, ?, ?, ?, ?)", rows, CHUNK, (ps, a) -> {
                ps.setString(1, a.paymentRef());
                ps.setString(2, loanNo);
                ps.setInt(3, a.seq());
                ps.setString(4, a.component().name());
                ps.setBigDecimal(5, a.amount());
                ps.setDate(6, Date.valueOf(a.paidOn()));
            });
        savePaid(loanNo, paid);
        String status = fullyPaid ? LoanStatus.PAID_OFF.name() : LoanStatus.ACTIVE.name();
        jdbc.update("UPDATE loan SET credit = ?, status = CASE WHEN status = ? THEN status ELSE ? END"
            + " WHERE loan_no = ?", credit, LoanStatus.WRITTEN_OFF.name(), status, loanNo);
    }
}
