package io.collectflow.loan.delinquency;

import java.time.Duration;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs a delinquency scan: takes the cluster-wide scan lock (a second scan meanwhile is refused with
 * {@link ScanAlreadyRunningException}), brings the loan book's delinquency state up to the date with
 * set-based SQL, then lets the follow-up (the case lifecycle) act on loans whose state changed.
 */
@Service
public class DelinquencyScanService {

    static final String LOCK_NAME = "delinquency-scan";
    private static final Logger LOG = LoggerFactory.getLogger(DelinquencyScanService.class);

    private final ScanLock lock;
    private final DelinquencyScanner scanner;
    private final ObjectProvider<DelinquencyFollowUp> followUp;
    private final ScanRunLog runLog;
    private final DelinquencyProperties properties;
    private final ApplicationEventPublisher events;

    DelinquencyScanService(ScanLock lock, DelinquencyScanner scanner, ObjectProvider<DelinquencyFollowUp> followUp,
                           ScanRunLog runLog, DelinquencyProperties properties, ApplicationEventPublisher events) {
        this.lock = lock;
        this.scanner = scanner;
        this.followUp = followUp;
        this.runLog = runLog;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Scans the whole book as of {@code asOf}.
     *
     * @throws ScanAlreadyRunningException when another scan (on any node) is running
     */
    public ScanResult scan(LocalDate asOf) {
        ScanLock.Lease lease = lock.tryAcquire(LOCK_NAME, properties.lockAtMost())
            .orElseThrow(() -> new ScanAlreadyRunningException(lock.describeHolder(LOCK_NAME)));
        long started = System.nanoTime();
        ScanResult result;
        try (lease) {
            long runId = runLog.started(asOf, lease.holder());
            DelinquencyScanner.ScanFigures figures = scanner.computeState(asOf);
            long sqlDone = System.nanoTime();
            DelinquencyFollowUp.Counts counts = followUp.stream()
                .map(f -> f.followUp(asOf))
                .reduce(DelinquencyFollowUp.Counts.NONE, DelinquencyScanService::sum);
            result = new ScanResult(asOf, figures.loansScanned(), figures.delinquent(), counts.opened(),
                counts.updated(), counts.cured(), counts.failed());
            runLog.finished(runId, result);
            LOG.info("delinquency scan {}: SQL {} ms, cases {} ms: {}", asOf, (sqlDone - started) / 1_000_000,
                (System.nanoTime() - sqlDone) / 1_000_000, result);
        }
        events.publishEvent(new ScanCompleted(asOf, result, Duration.ofNanos(System.nanoTime() - started)));
        return result;
    }

    private static DelinquencyFollowUp.Counts sum(DelinquencyFollowUp.Counts a, DelinquencyFollowUp.Counts b) {
        return new DelinquencyFollowUp.Counts(a.opened() + b.opened(), a.updated() + b.updated(),
            a.cured() + b.cured(), a.failed() + b.failed());
    }
}
