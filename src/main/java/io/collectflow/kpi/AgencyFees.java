package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Agency fees booked in a period, for cost per case (SPEC H2/I4). The agency feature provides the
 * real bean; without one the fees are 0.
 */
public interface AgencyFees {

    /** fees for placements from {@code from} to {@code to}, both inclusive */
    BigDecimal feesBetween(LocalDate from, LocalDate to);
}
