package io.collectflow.legal.collateral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An item securing a loan (D3): what the legal action's disposal path (auction/sale) sells.
 *
 * @param type     VEHICLE, PROPERTY, DEPOSIT or OTHER
 * @param status   HELD, or DISPOSED once the legal action recorded its disposal
 * @param disposal how it was disposed of; null while HELD
 */
public record Collateral(long id, String loanNo, String type, String description, BigDecimal estimatedValue,
        LocalDate valuationDate, String status, String registeredBy, Instant registeredAt, Disposal disposal) {

    /**
     * A recorded disposal. Items of a loan disposed of together share one (same id): the proceeds are their total,
     * not each item's.
     *
     * @param method     AUCTION or SALE
     * @param recordedBy who completed Dispose of collateral (as its COLLATERAL_DISPOSED audit event names); null when
     *                   unknown (an older disposal the audit trail could not attribute)
     */
    public record Disposal(long id, String method, BigDecimal proceeds, LocalDate disposedOn, String recordedBy) {
    }
}
