package io.collectflow.agency;

import java.math.BigDecimal;
import java.time.Instant;

/** A loan placed with an agency. */
public record Placement(long id, String loanNo, String agencyCode, String selection, String scope,
        BigDecimal feePercent, BigDecimal placedAmount, String processInstanceId, Instant placedAt, Instant expiresAt,
        String status) {
}
