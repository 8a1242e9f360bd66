package io.collectflow.loan.delinquency;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves a loan's penalty accrued by the scan ({@code loan.penalty_pending}, see {@link DelinquencyScanner})
 * onto its installments' {@code penalty_due}, so a payment can allocate penalty → interest → principal,
 * oldest installment first. Each installment gets the share it accrued (the scan's own formula, as of
 * {@code penalty_accrued_to}); the cents the per-installment rounding leaves over go to the oldest one,
 * so exactly the pending amount moves. Runs in the caller's transaction, with the loan row locked
 * (payment posting).
 */
@Component
public class PenaltySpreader {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BigDecimal tolerance;
    private final String sharesSql;

    @Autowired
    public PenaltySpreader(JdbcTemplate jdbc, DelinquencyProperties properties) {
        this(jdbc, properties.tolerance());
    }

    public PenaltySpreader(JdbcTemplate jdbc, BigDecimal tolerance) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tolerance = tolerance;
        this.sharesSql = "SELECT s.seq, s.accrual FROM (" + DelinquencyScanner.dueAndUnpaid(
            "i.seq, " + DelinquencyScanner.accrual(SqlDialect.of(jdbc.getDataSource())) + " AS accrual",
            "JOIN loan l ON l.loan_no = i.loan_no", "i.loan_no = :loanNo") + ") s ORDER BY s.seq";
    }

    /** Spreads the loan's pending penalty over its installments; nothing to do when none is pending. */
    public void spread(String loanNo) {
        spread(loanNo, null);
    }

    /**
     * Spreads the penalty due on the day of a payment paid on {@code paidOn} (null: as the scan left it). When the scan
     * has accrued past that day (the bank's file arrives after the next day's scan, or a back-dated payment), the
     * days after it were counted on balances the payment had already reduced: only the penalty accrued up to
     * {@code paidOn} is spread, and the loan's accrual restarts there, so the next scan accrues the days after it on
     * what the payment leaves. A payment paid before the last spread (an earlier payment already moved penalty past
     * its day onto the installments) keeps that penalty: spreads are not re-played.
     */
    public void spread(String loanNo, LocalDate paidOn) {
        List<Map<String, Object>> rows = jdbc.queryForList(
            "SELECT penalty_pending, penalty_accrued_to, penalty_spread_to FROM loan WHERE loan_no = ?", loanNo);
        if (rows.isEmpty()) {
            return;
        }
        BigDecimal pending = (BigDecimal) rows.get(0).get("penalty_pending");
        Date accruedTo = (Date) rows.get(0).get("penalty_accrued_to");
        Date spreadTo = (Date) rows.get(0).get("penalty_spread_to");
        if (accruedTo == null) {
            return;
        }
        if (paidOn != null && paidOn.isBefore(accruedTo.toLocalDate())
                && (spreadTo == null || !paidOn.isBefore(spreadTo.toLocalDate()))) {
            add(loanNo, shares(loanNo, paidOn));
            jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = ?, penalty_accrued_to = ? WHERE loan_no = ?",
                Date.valueOf(paidOn), Date.valueOf(paidOn), loanNo);
            return;
        }
        if (pending.signum() == 0 && accruedTo.equals(spreadTo)) {
            return;
        }
        if (pending.signum() != 0) {
            add(loanNo, reconciled(loanNo, accruedTo.toLocalDate(), pending));
        }
        jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = penalty_accrued_to WHERE loan_no = ?", loanNo);
    }

    private void add(String loanNo, List<Share> shares) {
        jdbc.batchUpdate("UPDATE installment SET penalty_due = penalty_due + ? WHERE loan_no = ? AND seq = ?",
            shares, shares.size(), (ps, share) -> {
                ps.setBigDecimal(1, share.amount());
                ps.setString(2, loanNo);
                ps.setInt(3, share.seq());
            });
    }

    /** What each installment accrued from the last spread to {@code asOf} (the scan's formula), none of them 0. */
    private List<Share> shares(String loanNo, LocalDate asOf) {
        List<Share> shares = new ArrayList<>(named.query(sharesSql, new MapSqlParameterSource("loanNo", loanNo)
                .addValue("asOf", asOf).addValue("tol", tolerance),
            (rs, n) -> new Share(rs.getInt(1), rs.getBigDecimal(2))));
        shares.removeIf(s -> s.amount().signum() == 0);
        return shares;
    }

    /** The shares as of {@code asOf}, adjusted so that exactly {@code pending} moves (rounding cents to the oldest). */
    private List<Share> reconciled(String loanNo, LocalDate asOf, BigDecimal pending) {
        List<Share> shares = shares(loanNo, asOf);
        BigDecimal rest = pending.subtract(shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (rest.signum() != 0) {
            if (shares.isEmpty()) {
                Integer oldestOpen = jdbc.queryForObject("SELECT MIN(i.seq) FROM installment i WHERE i.loan_no = ? AND "
                    + DelinquencyScanner.OPEN, Integer.class, loanNo);
                int seq = oldestOpen != null ? oldestOpen
                    : jdbc.queryForObject("SELECT MAX(seq) FROM installment WHERE loan_no = ?", Integer.class, loanNo);
                shares.add(new Share(seq, rest));
            } else {
                shares.set(0, new Share(shares.get(0).seq(), shares.get(0).amount().add(rest)));
            }
        }
        return shares;
    }

    private record Share(int seq, BigDecimal amount) {
    }
}
