package io.collectflow.loan.delinquency;

/** Another scan holds the cluster-wide scan lock; this one did nothing. */
public class ScanAlreadyRunningException extends RuntimeException {

    public ScanAlreadyRunningException(String holder) {
        super("a delinquency scan is already running (" + holder + "); try again when it has finished");
    }
}
