package io.collectflow.legal;

import java.math.BigDecimal;

/** A stored write-off request. */
public record WriteOffRequest(long id, String loanNo, String requestedBy, String grounds, BigDecimal amount,
        String approverGroup, int approvalsRequired, String status, String rejectionReason) {
}
