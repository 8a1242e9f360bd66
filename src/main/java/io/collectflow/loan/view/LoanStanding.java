package io.collectflow.loan.view;

import java.math.BigDecimal;

/**
 * A loan's delinquency as the last scan left it, for the decisions that score or judge a case (risk, work priority,
 * repayment plans): cheaper than the {@link LoanView}, which also sums the schedule and looks up the case.
 */
public record LoanStanding(String loanNo, String borrowerId, int dpd, BigDecimal overdueAmount) {
}
