package io.collectflow.loan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lender's business calendar ({@code collectflow.lender.*}): the one zone in which the lender's own dates are
 * counted, whatever the server's (the JVM's) zone — the day a case is closed, the "as of" of its dossier and 90+
 * hand-over, the day an agency placement is checked and made, a lawyer letter's date, a collateral disposal's date,
 * the day write-off grounds are judged on. A borrower's dates (a promise, a follow-up, a plan installment) are the
 * borrower's instead ({@code ContactTiming.borrowersDate}). The lender's today, by the application's clock, is
 * {@link LenderCalendar#today}.
 *
 * @param zone the lender's time zone
 */
@ConfigurationProperties("collectflow.lender")
public record LenderProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {

    /** The lender's date at {@code at}. */
    public LocalDate dateAt(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
