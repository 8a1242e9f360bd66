package io.collectflow.kpi;

import java.time.LocalDate;

/**
 * Complaints received in a period, for the complaint rate (SPEC I5). The default bean
 * ({@link TableComplaintCounter}) counts rows of a {@code complaint} table by {@code received_at}
 * when that table exists and answers 0 otherwise; the complaint feature may replace it with its own bean.
 */
public interface ComplaintCounter {

    /** complaints received from {@code from} to {@code to}, both inclusive */
    long complaintsBetween(LocalDate from, LocalDate to);
}
