package io.collectflow.casework.stage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.contact.Channel;

/**
 * Records first-line calls (B4) and decides the follow-up: promise check time, next time slot
 * after no answer, and the short-plan rule "no response for 3 days escalates" (B5). The next call
 * is planned when the borrower may be called ({@link NextContactPlanner}).
 */
@Service
public class CallReportService {

    private final JdbcTemplate jdbc;
    private final CaseworkProperties properties;
    private final NextContactPlanner planner;
    private final ContactTiming timing;

    public CallReportService(JdbcTemplate jdbc, CaseworkProperties properties, NextContactPlanner planner,
            ContactTiming timing) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.planner = planner;
        this.timing = timing;
    }

    /**
     * Throws {@link InvalidReportException} naming every field in error; a date "from today on" means the borrower's
     * today (in the borrower's time zone), not the server's.
     */
    public void validate(CallReport report, Instant now) {
        InvalidReportException.throwIfAny(report.problems(timing.borrowersDate(report.loanNo(), now)));
    }

    /**
     * Stores the report (and the promise) and works out the follow-up.
     *
     * @param reportedAt      when the collector submitted the report: its dates are judged, and the promise is made,
     *                        on the borrower's date then (a report accepted at 23:59 stays valid when this runs after
     *                        the borrower's midnight), and the report is stored as recorded then
     * @param retryAfter      the strategy's delay before the next attempt after no answer (then the first moment the
     *                        guard allows a call: not in the borrower's night, weekend or holiday)
     * @param firstNoAnswerAt when the borrower first stopped answering, or null
     */
    @Transactional
    public CallReport.Result record(CallReport report, Instant reportedAt, Duration retryAfter, Instant firstNoAnswerAt,
            Instant now) {
        LocalDate today = timing.borrowersDate(report.loanNo(), reportedAt);
        InvalidReportException.throwIfAny(report.problems(today));
        long reportId = insertReport(report, reportedAt);
        Long promiseId = null;
        Instant promiseCheckAt = null;
        if (CallReport.PROMISE_TO_PAY.equals(report.outcome())) {
            promiseId = insertPromise(report, reportId, today);
            promiseCheckAt = planner.promiseCheck(report.loanNo(), report.promiseDate());
        }
        boolean noAnswer = CallReport.NO_ANSWER.equals(report.outcome());
        Instant unansweredSince = noAnswer ? (firstNoAnswerAt == null ? now : firstNoAnswerAt) : null;
        boolean escalate = noAnswer && !now.isBefore(unansweredSince.plus(properties.noResponseEscalation()));
        Instant next = noAnswer ? planner.retry(report.loanNo(), Channel.CALL, retryAfter, now)
            : planner.followUp(report.loanNo(), Channel.CALL, report.nextFollowUp(), now);
        return new CallReport.Result(reportId, promiseId, promiseCheckAt, next, unansweredSince, escalate);
    }

    private long insertReport(CallReport r, Instant reportedAt) {
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
            ps.setTimestamp(9, Timestamp.from(reportedAt));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** {@code today}: the borrower's, as the promise date was checked against it (a promise is never dated before it is made). */
    private long insertPromise(CallReport r, long reportId, LocalDate today) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                INSERT INTO promise_to_pay (loan_no, contact_report_id, promised_on, promise_date, amount, status,
                                            channel, collector)
                VALUES (?, ?, ?, ?, ?, 'OPEN', 'CALL', ?)""", new String[] {"id"});
            ps.setString(1, r.loanNo());
            ps.setLong(2, reportId);
            ps.setDate(3, Date.valueOf(today));
            ps.setDate(4, Date.valueOf(r.promiseDate()));
            ps.setBigDecimal(5, r.promiseAmount());
            ps.setString(6, r.recordedBy());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

}
