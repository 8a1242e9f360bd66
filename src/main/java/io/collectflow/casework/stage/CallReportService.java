package io.collectflow.casework.stage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records first-line calls (B4) and decides the follow-up: promise check time, next time slot
 * after no answer, and the short-plan rule "no response for 3 days escalates" (B5).
 */
@Service
public class CallReportService {

    /** Follow-ups on a date start at this local time. */
    static final LocalTime FOLLOW_UP_TIME = LocalTime.of(9, 0);

    private final JdbcTemplate jdbc;
    private final CaseworkProperties properties;
    private final ZoneId zone = ZoneId.systemDefault();

    public CallReportService(JdbcTemplate jdbc, CaseworkProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Throws {@link InvalidReportException} naming every field in error. */
    public void validate(CallReport report, Instant now) {
        InvalidReportException.throwIfAny(report.problems(LocalDate.ofInstant(now, zone)));
    }

    /**
     * Stores the report (and the promise) and works out the follow-up.
     *
     * @param retryAfter      the strategy's delay before the next attempt after no answer
     * @param firstNoAnswerAt when the borrower first stopped answering, or null
     */
    @Transactional
    public CallReport.Result record(CallReport report, Duration retryAfter, Instant firstNoAnswerAt, Instant now) {
        validate(report, now);
        long reportId = insertReport(report, now);
        Long promiseId = null;
        Instant promiseCheckAt = null;
        if (CallReport.PROMISE_TO_PAY.equals(report.outcome())) {
            promiseId = insertPromise(report, reportId, now);
            promiseCheckAt = report.promiseDate().plusDays(1).atStartOfDay(zone).plus(properties.promiseGrace()).toInstant();
        }
        boolean noAnswer = CallReport.NO_ANSWER.equals(report.outcome());
        Instant unansweredSince = noAnswer ? (firstNoAnswerAt == null ? now : firstNoAnswerAt) : null;
        boolean escalate = noAnswer && !now.isBefore(unansweredSince.plus(properties.noResponseEscalation()));
        Instant next = noAnswer ? now.plus(retryAfter) : followUp(report.nextFollowUp(), now);
        return new CallReport.Result(reportId, promiseId, promiseCheckAt, next, unansweredSince, escalate);
    }

    Instant followUp(LocalDate date, Instant now) {
        if (date == null) {
            return now.plus(properties.followUpDelay());
        }
        Instant at = date.atTime(FOLLOW_UP_TIME).atZone(zone).toInstant();
        return at.isBefore(now) ? now : at;
    }

    private long insertReport(CallReport r, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, overdue_reason, notes,
                                            next_follow_up, recorded_by, recorded_at)
                VALUES (?, ?, 'CALL', ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setString(1, r.loanNo());
            ps.setString(2, r.stage());
            ps.setBoolean(3, r.reached());
            ps.setString(4, r.outcome());
            ps.setString(5, r.overdueReason());
            ps.setString(6, CaseEventService.truncate(r.notes()));
            ps.setDate(7, r.nextFollowUp() == null ? null : Date.valueOf(r.nextFollowUp()));
            ps.setString(8, r.recordedBy());
            ps.setTimestamp(9, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private long insertPromise(CallReport r, long reportId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status,
                                            channel, collector)
                VALUES (?, ?, ?, ?, ?, 'OPEN', 'CALL', ?)""", new String[] {"id"});
            ps.setString(1, r.loanNo());
            ps.setLong(2, reportId);
            ps.setDate(3, Date.valueOf(LocalDate.ofInstant(now, zone)));
            ps.setDate(4, Date.valueOf(r.promiseDate()));
            ps.setBigDecimal(5, r.promiseAmount());
            ps.setString(6, r.recordedBy());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

}
