package io.collectflow.arrangement.promise;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.collectflow.loan.LenderCalendar;

/**
 * Runs the promise settlement daily ({@code collectflow.arrangement.promise-settlement-cron}, "-" disables
 * it) on the lender's today. Every node of a cluster fires; the settlement's lock lets one of them work.
 */
@Component
class DailyPromiseSettlement {

    private final PromiseSettlementService settlement;
    private final Clock clock;
    private final LenderCalendar calendar;

    DailyPromiseSettlement(PromiseSettlementService settlement, ObjectProvider<Clock> clock,
            LenderCalendar calendar) {
        this.settlement = settlement;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.calendar = calendar;
    }

    @Scheduled(cron = "${collectflow.arrangement.promise-settlement-cron:0 45 1 * * *}")
    void run() {
        settlement.settleDue(calendar.today(), clock.instant());
    }
}
