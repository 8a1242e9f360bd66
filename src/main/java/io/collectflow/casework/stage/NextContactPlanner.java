package io.collectflow.casework.stage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;

/**
 * When the case's next call or visit is due (B3, C2 with F1, F7): the strategy's delay after an unanswered call or a
 * visit that did not meet the borrower, or the follow-up date the collector chose, moved on to the first moment the
 * compliance guard would allow that contact. A follow-up date starts when the borrower's contact window opens that
 * day, in the borrower's time zone (at once when that has passed). A lost borrower found is contacted at the first
 * allowed moment from then on.
 */
@Component
public class NextContactPlanner {

    private final ContactTiming timing;
    private final CaseworkProperties properties;

    public NextContactPlanner(ContactTiming timing, CaseworkProperties properties) {
        this.timing = timing;
        this.properties = properties;
    }

    /** After no answer (or no meeting): {@code retryAfter} from now, then the first allowed moment. */
    public Instant retry(String loanNo, Channel channel, Duration retryAfter, Instant now) {
        return timing.firstAllowed(loanNo, channel, now.plus(retryAfter));
    }

    /**
     * On the follow-up {@code date} when the borrower's window opens (now, if that has passed), without a date after
     * {@code collectflow.case.follow-up-delay}; then the first allowed moment.
     */
    public Instant followUp(String loanNo, Channel channel, LocalDate date, Instant now) {
        Instant at = date == null ? now.plus(properties.followUpDelay()) : timing.windowOpens(loanNo, date);
        return timing.firstAllowed(loanNo, channel, at.isBefore(now) ? now : at);
    }

    /**
     * When a promise to pay by {@code promiseDate} is checked: {@code collectflow.case.promise-grace} after the end of
     * that day in the borrower's zone, moved on to the first moment the borrower may be called — a broken promise
     * goes back to the collector at once, so the call is not put in the borrower's night.
     */
    public Instant promiseCheck(String loanNo, LocalDate promiseDate) {
        return timing.firstAllowed(loanNo, Channel.CALL,
            timing.dayStarts(loanNo, promiseDate.plusDays(1)).plus(properties.promiseGrace()));
    }

    /**
     * The case's next contact once a repayment plan handed the case back (rejected, broken or ended): the contact
     * planned before the plan, or now when that has passed, moved on to the first moment the guard allows it.
     */
    public Instant afterPlan(String loanNo, Channel channel, Instant planned, Instant now) {
        return timing.firstAllowed(loanNo, channel, planned == null || planned.isBefore(now) ? now : planned);
    }

    /**
     * The case's next contact once a lost borrower is found (C5: the skip trace found new contact data, or the manager
     * did): the first moment from now the guard allows that contact — at once inside the window, the next workday
     * morning after it — instead of the call or visit {@code planned} long before; never later than planned.
     */
    public Instant afterFound(String loanNo, Channel channel, Instant planned, Instant now) {
        Instant first = timing.firstAllowed(loanNo, channel, now);
        return planned != null && planned.isBefore(first) ? planned : first;
    }
}
