package io.collectflow.loan.delinquency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.collectflow.loan.LenderCalendar;

/**
 * The daily scan ({@code collectflow.delinquency.scan-cron}, "-" disables it). On a cluster every node
 * fires; the scan lock lets one of them run and the others skip.
 */
@Component
class DailyDelinquencyScan {

    private static final Logger LOG = LoggerFactory.getLogger(DailyDelinquencyScan.class);

    private final DelinquencyScanService scanService;
    private final LenderCalendar calendar;

    DailyDelinquencyScan(DelinquencyScanService scanService, LenderCalendar calendar) {
        this.scanService = scanService;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${collectflow.delinquency.scan-cron:0 30 1 * * *}")
    void run() {
        try {
            scanService.scan(calendar.today());
        } catch (ScanAlreadyRunningException e) {
            LOG.info("daily delinquency scan skipped: {}", e.getMessage());
        }
    }
}
