package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a collector reports from a call (B3, B4): whether the borrower was reached, the reason, the
 * outcome, a promise (date and amount), notes and the next follow-up.
 */
public record CallReport(String loanNo, String stage, boolean reached, String outcome, String overdueReason,
        LocalDate promiseDate, BigDecimal promiseAmount, String notes, LocalDate nextFollowUp, String recordedBy) {

    public static final String PROMISE_TO_PAY = "PROMISE_TO_PAY";
    public static final String NO_ANSWER = "NO_ANSWER";
    public static final String REFUSED = "REFUSED";
    public static final String EVASIVE = "EVASIVE";
    public static final String PLAN_REQUESTED = "PLAN_REQUESTED";
    public static final String OTHER = "OTHER";

    static final Set<String> OUTCOMES = Set.of(PROMISE_TO_PAY, NO_ANSWER, REFUSED, EVASIVE, PLAN_REQUESTED, OTHER);
    static final Set<String> REASONS = Set.of("FORGOT", "CASH_FLOW", "UNEMPLOYMENT", "MALICIOUS", "OTHER");

    /**
     * Problems with the report, each naming its form field; empty when the report is complete.
     *
     * @param today the borrower's date now (in the borrower's time zone): a date before it is in the past
     */
    public List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add("callOutcome: choose one of " + OUTCOMES);
            return problems;
        }
        if (overdueReason != null && !overdueReason.isBlank() && !REASONS.contains(overdueReason)) {
            problems.add("overdueReason: unknown reason '" + overdueReason + "'");
        }
        if (NO_ANSWER.equals(outcome) && reached) {
            problems.add("reached: a call without answer cannot have reached the borrower");
        }
        if (!NO_ANSWER.equals(outcome) && !reached) {
            problems.add("reached: this outcome needs the borrower reached; choose 'No answer' otherwise");
        }
        if (PROMISE_TO_PAY.equals(outcome)) {
            // today is allowed: a borrower promising to pay later the same day is common
            if (promiseDate == null || promiseDate.isBefore(today)) {
                problems.add("promiseDate: a promise needs a date from today on");
            }
            if (promiseAmount == null || promiseAmount.signum() <= 0) {
                problems.add("promiseAmount: a promise needs a positive amount");
            }
        }
        if (nextFollowUp != null && nextFollowUp.isBefore(today)) {
            problems.add("nextFollowUp: the next follow-up cannot be in the past");
        }
        return problems;
    }

    /** The engine's answer to a recorded call: where the case goes next and when. */
    public record Result(long reportId, Long promiseId, Instant promiseCheckAt, Instant nextContactAt,
            Instant firstNoAnswerAt, boolean noResponseEscalationDue) {
    }
}
