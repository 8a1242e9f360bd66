package io.collectflow.loan.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of a repayment schedule: installment number (1-based), due date and its two parts. */
public record ScheduledInstallment(int seq, LocalDate dueOn, BigDecimal principalDue, BigDecimal interestDue) {

    public BigDecimal total() {
        return principalDue.add(interestDue);
    }
}
