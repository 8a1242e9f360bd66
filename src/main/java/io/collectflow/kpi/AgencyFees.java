package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Agency fees booked in a period, for cost per case (SPEC H2/I4); the agency feature's bean counts the
 * commissions on the recoveries agencies reported.
 */
public interface AgencyFees {

    /** fees earned on payments made from {@code from} to {@code to}, both inclusive */
    BigDecimal feesBetween(LocalDate from, LocalDate to);
}
