package io.collectflow.loan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * The lender's today: the application's {@link Clock} (the system clock, or the simulator's) read in the lender's
 * zone ({@link LenderProperties}), whatever the server's (the JVM's) zone. The one place that says which day it is
 * for the lender: the delinquency scan's and the KPIs' default day, the day agency licences and contracts are judged
 * on, the day collateral is registered, the nightly promise settlement's and lost-contact run's day. A step of a
 * process takes the lender's date at the engine's now instead ({@link LenderProperties#dateAt}), so the engine's
 * clock decides it as it decides the step's timers.
 */
@Component
public class LenderCalendar {

    private final LenderProperties lender;
    private final Clock clock;

    public LenderCalendar(LenderProperties lender, Clock clock) {
        this.lender = lender;
        this.clock = clock;
    }

    /** The lender's date now. */
    public LocalDate today() {
        return lender.dateAt(clock.instant());
    }

    /** The lender's wall-clock time now (e.g. a report's "generated at"). */
    public LocalDateTime localTime() {
        return LocalDateTime.ofInstant(clock.instant(), lender.zone());
    }

    /** The lender's time zone. */
    public ZoneId zone() {
        return lender.zone();
    }
}
