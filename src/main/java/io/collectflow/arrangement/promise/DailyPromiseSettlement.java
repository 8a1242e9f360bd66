package io.collectflow.arrangement.promise;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the promise settlement daily ({@code collectflow.arrangement.promise-settlement-cron}, "-" disables
 * it). Every node of a cluster fires; the settlement's lock lets one of them work.
 */
@Component
class DailyPromiseSettlement {

    private final PromiseSettlementService settlement;
    private final Clock clock;

    DailyPromiseSettlement(PromiseSettlementService settlement, ObjectProvider<Clock> clock) {
        this.settlement = settlement;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(cron = "${collectflow.arrangement.promise-settlement-cron:0 45 1 * * *}")
    void run() {
        settlement.settleDue(LocalDate.now(clock), clock.instant());
    }
}
