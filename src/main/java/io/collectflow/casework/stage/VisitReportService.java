package io.collectflow.casework.stage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.Channel;

/** Records second-line visits and video calls and schedules the next one when the borrower may be visited. */
@Service
public class VisitReportService {

    private final JdbcTemplate jdbc;
    private final NextContactPlanner planner;
    private final ContactTiming timing;

    public VisitReportService(JdbcTemplate jdbc, NextContactPlanner planner, ContactTiming timing) {
        this.jdbc = jdbc;
        this.planner = planner;
        this.timing = timing;
    }

    /**
     * Throws {@link InvalidReportException} naming every field in error; the follow-up date may not lie before the
     * borrower's today (in the borrower's time zone), whatever the server's.
     */
    public void validate(VisitReport report, Instant now) {
        InvalidReportException.throwIfAny(report.problems(timing.borrowersDate(report.loanNo(), now)));
    }

    /**
     * Stores the report; answers when the next visit or review is due: the follow-up date when the borrower's contact
     * window opens, else after {@code retryAfter}; either moved on to the first moment the guard allows a visit. The
     * follow-up date is judged at {@code reportedAt}, when the report was submitted, not at {@code now}, and the report
     * is stored as recorded then.
     */
    public Instant record(VisitReport r, Instant reportedAt, Duration retryAfter, Instant now) {
        validate(r, reportedAt);
        jdbc.update("""
            INSERT INTO contact_report (loan_no, stage, channel, reached, outcome, notes, staff_1, staff_2,
                                        authorization_letter, consent_to_enter, plan_confirmation, next_follow_up,
                                        recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            r.loanNo(), r.stage(), r.mode(), !VisitReport.NOT_MET.equals(r.outcome()), r.outcome(),
            CaseEventService.truncate(r.notes()), r.staff1(), r.staff2(), r.authorizationLetter(), r.consentToEnter(),
            r.planConfirmation(), r.nextFollowUp() == null ? null : Date.valueOf(r.nextFollowUp()), r.recordedBy(),
            Timestamp.from(reportedAt));
        return r.nextFollowUp() == null ? planner.retry(r.loanNo(), Channel.VISIT, retryAfter, now)
            : planner.followUp(r.loanNo(), Channel.VISIT, r.nextFollowUp(), now);
    }
}
