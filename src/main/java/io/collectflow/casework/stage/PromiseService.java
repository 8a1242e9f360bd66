package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a promise to pay once its date plus grace has passed: kept when the payments received
 * since the promise was made reach the promised amount, otherwise broken.
 */
@Service
public class PromiseService {

    private final JdbcTemplate jdbc;
    private final ZoneId zone = ZoneId.systemDefault();

    public PromiseService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Check check(long promiseId, Instant now) {
        Map<String, Object> promise = jdbc.queryForMap(
            "SELECT loan_no, promised_on, amount, status FROM promise_to_pay WHERE id = ?", promiseId);
        String loanNo = (String) promise.get("loan_no");
        LocalDate promisedOn = ((Date) promise.get("promised_on")).toLocalDate();
        BigDecimal amount = new BigDecimal(promise.get("amount").toString());
        BigDecimal paid = jdbc.queryForObject(
            "SELECT COALESCE(SUM(amount), 0) FROM payment WHERE loan_no = ? AND paid_on >= ? AND paid_on <= ?",
            BigDecimal.class, loanNo, Date.valueOf(promisedOn), Date.valueOf(LocalDate.ofInstant(now, zone)));
        boolean kept = paid.compareTo(amount) >= 0;
        // a check repeated after a retry keeps the first verdict's row but refreshes the figures
        jdbc.update("UPDATE promise_to_pay SET status = ?, paid_amount = ?, checked_at = ? WHERE id = ?",
            kept ? "KEPT" : "BROKEN", paid, Timestamp.from(now), promiseId);
        Integer broken = jdbc.queryForObject(
            "SELECT COUNT(*) FROM promise_to_pay WHERE loan_no = ? AND status = 'BROKEN'", Integer.class, loanNo);
        return new Check(kept, paid, broken == null ? 0 : broken);
    }

    /** The verdict, the amount received and how many promises of this loan are broken so far. */
    public record Check(boolean kept, BigDecimal paid, int brokenPromises) {
    }
}
