package io.collectflow.loan.view;

import java.math.BigDecimal;

/** A loan as the loan view shows it (CONTRACT.md "Loan view"). */
public record LoanView(String loanNo, String borrowerId, String status, int dpd, String bucket,
        BigDecimal overdueAmount, BigDecimal outstandingPrincipal, String caseProcessInstanceId) {
}
