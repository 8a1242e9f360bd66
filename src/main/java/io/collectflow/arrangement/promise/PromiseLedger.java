package io.collectflow.arrangement.promise;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The promise-to-pay ledger (B3). Payments are applied to the loan's promises first in, first out
 * (by promise date, then id): a payment counts for a promise when it was paid between the day the
 * promise was made and the promise date plus grace, and each payment amount is used only once. The
 * replay is deterministic, so re-applying is idempotent and a back-dated payment lands where it
 * belongs. At promise date + grace a promise is settled: KEPT (fully covered), PARTIALLY_KEPT (some
 * money) or BROKEN (nothing). Settled promises keep their figures.
 */
public class PromiseLedger {

    public static final String OPEN = "OPEN";
    public static final String KEPT = "KEPT";
    public static final String PARTIALLY_KEPT = "PARTIALLY_KEPT";
    public static final String BROKEN = "BROKEN";

    private final JdbcTemplate jdbc;
    private final long graceDays;

    public PromiseLedger(JdbcTemplate jdbc, Duration grace) {
        this.jdbc = jdbc;
        this.graceDays = grace.toDays();
    }

    /** Hook for a newly posted payment: the loan's open promises are brought up to date. */
    public void applyPayment(String loanNo, LocalDate paidOn, BigDecimal amount) {
        recompute(loanNo);
    }

    /** Replays every payment of the loan over its promises (FIFO) and stores the open promises' kept amounts. */
    public void recompute(String loanNo) {
        List<Map<String, Object>> promises = jdbc.queryForList("""
            SELECT id, promised_on, promise_date, amount, status FROM promise_to_pay
             WHERE loan_no = ? ORDER BY promise_date, id""", loanNo);
        if (promises.isEmpty()) {
            return;
        }
        List<Remaining> payments = new ArrayList<>(jdbc.query(
            "SELECT paid_on, amount FROM payment WHERE loan_no = ? ORDER BY paid_on, received_at, payment_ref",
            (rs, i) -> new Remaining(rs.getDate("paid_on").toLocalDate(), rs.getBigDecimal("amount")), loanNo));
        for (Map<String, Object> promise : promises) {
            LocalDate from = ((Date) promise.get("promised_on")).toLocalDate();
            LocalDate to = ((Date) promise.get("promise_date")).toLocalDate().plusDays(graceDays);
            BigDecimal need = new BigDecimal(promise.get("amount").toString());
            BigDecimal kept = BigDecimal.ZERO;
            for (Remaining payment : payments) {
                if (need.signum() <= 0) {
                    break;
                }
                if (payment.left.signum() > 0 && !payment.paidOn.isBefore(from) && !payment.paidOn.isAfter(to)) {
                    BigDecimal used = payment.left.min(need);
                    payment.left = payment.left.subtract(used);
                    need = need.subtract(used);
                    kept = kept.add(used);
                }
            }
            if (OPEN.equals(promise.get("status"))) {
                jdbc.update("UPDATE promise_to_pay SET kept_amount = ? WHERE id = ?", kept, promise.get("id"));
            }
        }
    }

    /**
     * Settles one promise (the case's promise timer fires at promise date + grace): idempotent — an
     * already settled promise keeps its verdict.
     */
    public Settlement settle(long promiseId, Instant now) {
        Map<String, Object> promise = jdbc.queryForMap("SELECT loan_no FROM promise_to_pay WHERE id = ?", promiseId);
        String loanNo = (String) promise.get("loan_no");
        recompute(loanNo);
        Map<String, Object> row = jdbc.queryForMap(
            "SELECT amount, kept_amount, status FROM promise_to_pay WHERE id = ?", promiseId);
        BigDecimal amount = new BigDecimal(row.get("amount").toString());
        BigDecimal kept = new BigDecimal(row.get("kept_amount").toString());
        String status = (String) row.get("status");
        boolean settledNow = false;
        if (OPEN.equals(status)) {
            String verdict = verdict(amount, kept);
            // conditional: when the case's timer and the daily settlement meet, only one of them decides
            settledNow = jdbc.update("UPDATE promise_to_pay SET status = ?, paid_amount = ?, checked_at = ?"
                + " WHERE id = ? AND status = 'OPEN'", verdict, kept, Timestamp.from(now), promiseId) == 1;
            status = settledNow ? verdict
                : jdbc.queryForObject("SELECT status FROM promise_to_pay WHERE id = ?", String.class, promiseId);
        }
        return new Settlement(promiseId, loanNo, status, kept, notKept(loanNo), settledNow);
    }

    /**
     * Settles every open promise whose promise date + grace lies before {@code today} (the daily
     * settlement); returns the promises this call decided, oldest first.
     */
    public List<Settlement> settleDue(LocalDate today, Instant now) {
        List<Long> due = jdbc.queryForList(
            "SELECT id FROM promise_to_pay WHERE status = 'OPEN' AND promise_date < ? ORDER BY promise_date, id",
            Long.class, Date.valueOf(today.minusDays(graceDays)));
        List<Settlement> settled = new ArrayList<>();
        for (Long id : due) {
            Settlement settlement = settle(id, now);
            if (settlement.settledNow()) {
                settled.add(settlement);
            }
        }
        return settled;
    }

    /** Promises of the loan not fully kept (BROKEN or PARTIALLY_KEPT): the case's brokenPromises. */
    public int notKept(String loanNo) {
        Integer count = jdbc.queryForObject(
            "SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status IN ('BROKEN', 'PARTIALLY_KEPT')",
            Integer.class, loanNo);
        return count == null ? 0 : count;
    }

    static String verdict(BigDecimal amount, BigDecimal kept) {
        if (kept.compareTo(amount) >= 0) {
            return KEPT;
        }
        return kept.signum() > 0 ? PARTIALLY_KEPT : BROKEN;
    }

    /**
     * A settled promise: its status, the money it got, how many of the loan's promises are not kept and
     * whether this call decided it (false when it had been settled before).
     */
    public record Settlement(long promiseId, String loanNo, String status, BigDecimal keptAmount, int notKeptPromises,
            boolean settledNow) {
        public boolean kept() {
            return KEPT.equals(status);
        }
    }

    private static final class Remaining {
        private final LocalDate paidOn;
        private BigDecimal left;

        Remaining(LocalDate paidOn, BigDecimal left) {
            this.paidOn = paidOn;
            this.left = left;
        }
    }
}
