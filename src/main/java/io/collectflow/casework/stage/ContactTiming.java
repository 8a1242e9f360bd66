package io.collectflow.casework.stage;

import java.time.Instant;
import java.time.LocalDate;

import io.collectflow.contact.Channel;

/**
 * When the compliance guard lets the case's staff contact a loan's borrower (F1, F4): the case plans its next call or
 * visit by it, so the task does not appear in the borrower's night, on a weekend or a holiday (F7). Asking never
 * records a verdict.
 */
public interface ContactTiming {

    /**
     * The first instant at or after {@code from} at which the guard would allow a contact by {@code channel} with the
     * loan's borrower: {@code from} itself when allowed then, or when the block does not lift by itself (a complaint,
     * a dispute, a death: a person lifts it, so there is no moment to wait for).
     */
    Instant firstAllowed(String loanNo, Channel channel, Instant from);

    /** When the borrower's contact window opens on {@code date} in the borrower's time zone (whether or not a workday). */
    Instant windowOpens(String loanNo, LocalDate date);

    /** When {@code date} begins in the borrower's time zone. */
    Instant dayStarts(String loanNo, LocalDate date);

    /**
     * The borrower's date at {@code at}, in the borrower's time zone: the "today" a report's dates (promise,
     * follow-up) are checked against, whatever the server's zone.
     */
    LocalDate borrowersDate(String loanNo, Instant at);
}
