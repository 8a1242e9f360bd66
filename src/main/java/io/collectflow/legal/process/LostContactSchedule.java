package io.collectflow.legal.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.collectflow.loan.LenderCalendar;

/**
 * The nightly lost-contact run ({@code collectflow.legal.lost-contact-cron}, "-" disables it). Every node of
 * a cluster may fire it: the unique guard of {@link LostContactStarts} keeps one skip trace per loan.
 */
@Component
class LostContactSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(LostContactSchedule.class);

    private final LostContactStarts starts;
    private final LenderCalendar calendar;

    LostContactSchedule(LostContactStarts starts, LenderCalendar calendar) {
        this.starts = starts;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${collectflow.legal.lost-contact-cron:0 0 4 * * *}")
    void run() {
        LostContactStarts.Run run = starts.startAll(calendar.today());
        LOG.info("lost-contact run: {} loans unreachable, {} skip traces started, {} already running, {} failed",
            run.candidates(), run.started(), run.alreadyRunning(), run.failed());
    }
}
