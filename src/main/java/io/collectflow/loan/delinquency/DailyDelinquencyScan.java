package io.collectflow.loan.delinquency;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily scan ({@code collectflow.delinquency.scan-cron}, "-" disables it). On a cluster every node
 * fires; the scan lock lets one of them run and the others skip.
 */
@Component
class DailyDelinquencyScan {

    private static final Logger LOG = LoggerFactory.getLogger(DailyDelinquencyScan.class);

    private final DelinquencyScanService scanService;
    private final Clock clock;

    DailyDelinquencyScan(DelinquencyScanService scanService, ObjectProvider<Clock> clock) {
        this.scanService = scanService;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Scheduled(cron = "${collectflow.delinquency.scan-cron:0 30 1 * * *}")
    void run() {
        try {
            scanService.scan(LocalDate.now(clock));
        } catch (ScanAlreadyRunningException e) {
            LOG.info("daily delinquency scan skipped: {}", e.getMessage());
        }
    }
}
