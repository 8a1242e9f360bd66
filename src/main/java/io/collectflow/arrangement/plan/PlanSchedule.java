package io.collectflow.arrangement.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Ability to pay (C1) and the installment schedule of a plan. */
public final class PlanSchedule {

    private PlanSchedule() {
    }

    /** income × ratio − other debts, never below zero. */
    public static BigDecimal maxAffordable(BigDecimal income, BigDecimal otherDebts, BigDecimal ratio) {
        return income.multiply(ratio).subtract(otherDebts).max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
    }

    /** Equal monthly installments from {@code firstDue}; the cents left over go to the last one. */
    public static List<Installment> installments(BigDecimal total, int count, LocalDate firstDue) {
        BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        List<Installment> schedule = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            BigDecimal amount = seq < count ? each : total.subtract(each.multiply(BigDecimal.valueOf(count - 1L)));
            schedule.add(new Installment(seq, firstDue.plusMonths(seq - 1L), amount));
        }
        return schedule;
    }

    public record Installment(int seq, LocalDate dueOn, BigDecimal amount) {
    }
}
