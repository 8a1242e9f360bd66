package io.collectflow.loan.delinquency;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** What the payments of a loan need done with its penalty before and after they are allocated ({@link #prepare}). */
    public enum Preparation {
        /** The penalty is spread up to the payments' day; nothing is left to do after them. */
        SPREAD,
        /** Spread up to the payments' day, before the scan's: {@link #recomputePending} after they are allocated. */
        SPREAD_BEFORE_SCAN_DAY,
        /**
         * Spreads after the payments' day were taken back: re-apply the payments from that day on in date order,
         * {@link #spreadReplayed} before each day's payments and {@link #recomputePending} at the end.
         */
        REPLAY
    }

    /** The loan's penalty columns, read once per payment posting. */
    private record State(BigDecimal pending, LocalDate accruedTo, LocalDate spreadTo, LocalDate replayFloor) {
    }

    /**
     * Readies the loan's penalty for payments paid on {@code paidOn} or later (with the loan row locked):
     * <ul>
     * <li>A payment paid before the last spread (an earlier-posted, later-dated payment moved penalty past its day
     * onto the installments, counted on balances this payment would have reduced) takes those spreads back off the
     * installments: {@link Preparation#REPLAY}. Not for spreads made before the ledger existed
     * ({@code penalty_replay_floor}): they stay, and the penalty is spread as below.</li>
     * <li>Otherwise the penalty due on the payment's day is spread. When the scan has accrued past that day (the
     * bank's file arrives after the next day's scan, or a back-dated payment), the days after it were counted on
     * balances the payment had already reduced: only the penalty accrued up to {@code paidOn} is spread, and once the
     * payment is allocated {@link #recomputePending} counts the days after it on what the payment left.</li>
     * </ul>
     */
    public Preparation prepare(String loanNo, LocalDate paidOn) {
        State state = state(loanNo);
        if (state == null || state.accruedTo() == null) {
            return Preparation.SPREAD;
        }
        if (state.spreadTo() != null && paidOn.isBefore(state.spreadTo())
                && (state.replayFloor() == null || !paidOn.isBefore(state.replayFloor()))) {
            takeBack(loanNo, paidOn, state.replayFloor());
            return Preparation.REPLAY;
        }
        return spread(loanNo, paidOn, state);
    }

    /** {@link #prepare} without a take-back, and nothing recomputed afterwards (set-ups of scan tests). */
    public void spread(String loanNo, LocalDate paidOn) {
        State state = state(loanNo);
        if (state != null && state.accruedTo() != null) {
            spread(loanNo, paidOn, state);
        }
    }

    private Preparation spread(String loanNo, LocalDate paidOn, State state) {
        LocalDate accruedTo = state.accruedTo();
        if (paidOn.isBefore(accruedTo) && (state.spreadTo() == null || !paidOn.isBefore(state.spreadTo()))) {
            add(loanNo, shares(loanNo, paidOn), paidOn);
            jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = ? WHERE loan_no = ?",
                Date.valueOf(paidOn), loanNo);
            return Preparation.SPREAD_BEFORE_SCAN_DAY;
        }
        if (state.pending().signum() == 0 && accruedTo.equals(state.spreadTo())) {
            return Preparation.SPREAD;
        }
        add(loanNo, state.pending().signum() != 0 ? reconciled(loanNo, accruedTo, state.pending()) : List.of(),
            accruedTo);
        jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = penalty_accrued_to WHERE loan_no = ?", loanNo);
        return Preparation.SPREAD;
    }

    /** Takes the spreads after {@code paidOn} back; the loan's penalty is then spread as of the last spread before. */
    private void takeBack(String loanNo, LocalDate paidOn, LocalDate floor) {
        List<Share> taken = jdbc.query("SELECT seq, SUM(amount) FROM penalty_spread WHERE loan_no = ? AND spread_to > ?"
            + " AND seq > 0 GROUP BY seq", (rs, n) -> new Share(rs.getInt(1), rs.getBigDecimal(2).negate()),
            loanNo, Date.valueOf(paidOn));
        addToInstallments(loanNo, taken);
        jdbc.update("DELETE FROM penalty_spread WHERE loan_no = ? AND spread_to > ?", loanNo, Date.valueOf(paidOn));
        LocalDate before = day(jdbc.queryForObject("SELECT MAX(spread_to) FROM penalty_spread WHERE loan_no = ?",
            Date.class, loanNo));
        jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = ? WHERE loan_no = ?",
            before != null ? Date.valueOf(before) : floor != null ? Date.valueOf(floor) : null, loanNo);
    }

    /**
     * During a re-play: spreads what accrued from the last spread up to {@code day} (not past the last day the scan
     * accrued) on the balances the re-applied payments before it left; the scan's day stays where it is.
     */
    public void spreadReplayed(String loanNo, LocalDate day) {
        State state = state(loanNo);
        if (state.accruedTo() == null) {
            return;
        }
        LocalDate asOf = day.isBefore(state.accruedTo()) ? day : state.accruedTo();
        if (state.spreadTo() != null && !asOf.isAfter(state.spreadTo())) {
            return;
        }
        add(loanNo, shares(loanNo, asOf), asOf);
        jdbc.update("UPDATE loan SET penalty_spread_to = ? WHERE loan_no = ?", Date.valueOf(asOf), loanNo);
    }

    /**
     * After the payments' allocation: the penalty pending from the last spread to the last day the scan accrued,
     * counted on what the payments left (the scan's own figure for that day), when that day is after the spread.
     */
    public void recomputePending(String loanNo) {
        State state = state(loanNo);
        if (state.accruedTo() == null || state.spreadTo() != null && !state.accruedTo().isAfter(state.spreadTo())) {
            return;
        }
        BigDecimal pending = shares(loanNo, state.accruedTo()).stream().map(Share::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.update("UPDATE loan SET penalty_pending = ? WHERE loan_no = ?", pending, loanNo);
    }

    private State state(String loanNo) {
        List<State> rows = jdbc.query("SELECT penalty_pending, penalty_accrued_to, penalty_spread_to, penalty_replay_floor"
            + " FROM loan WHERE loan_no = ?", (rs, n) -> new State(rs.getBigDecimal(1), day(rs.getDate(2)),
                day(rs.getDate(3)), day(rs.getDate(4))), loanNo);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static LocalDate day(Date sqlDate) {
        return sqlDate == null ? null : sqlDate.toLocalDate();
    }

    /** Adds the shares to the installments and keeps them in the ledger as spread up to {@code spreadTo}. */
    private void add(String loanNo, List<Share> shares, LocalDate spreadTo) {
        addToInstallments(loanNo, shares);
        // a spread that moved nothing still marks its day (seq 0), so the last spread's day is known after a take-back
        List<Share> ledger = shares.isEmpty() ? List.of(new Share(0, BigDecimal.ZERO)) : shares;
        jdbc.batchUpdate("INSERT INTO penalty_spread (loan_no, spread_to, seq, amount) VALUES (?, ?, ?, ?)",
            ledger, ledger.size(), (ps, share) -> {
                ps.setString(1, loanNo);
                ps.setDate(2, Date.valueOf(spreadTo));
                ps.setInt(3, share.seq());
                ps.setBigDecimal(4, share.amount());
            });
    }

    private void addToInstallments(String loanNo, List<Share> shares) {
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
