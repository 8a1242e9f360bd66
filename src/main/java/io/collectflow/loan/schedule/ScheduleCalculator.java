package io.collectflow.loan.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Annuity schedules (CONTRACT.md "Loan book import"): {@code termMonths} equal monthly payments on
 * {@code principal} at {@code annualRate / 12}. Installment k (1-based) is due on
 * {@code firstDueOn + (k - 1) months}, always derived from the first due date so a 31st stays the
 * 31st after a short month (clamped to the month's end). Each installment's interest is the
 * outstanding balance times the monthly rate, rounded half-up to 0.01; the principal part is the
 * rounded annuity minus that interest; the last installment takes whatever principal is left, so
 * the principal parts always add up to the principal exactly. A zero rate gives equal principal
 * parts without interest.
 */
public final class ScheduleCalculator {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private ScheduleCalculator() {
    }

    public static List<ScheduledInstallment> annuity(BigDecimal principal, BigDecimal annualRate, int termMonths,
            LocalDate firstDueOn) {
        if (principal == null || principal.signum() <= 0) {
            throw new IllegalArgumentException("principal must be positive");
        }
        if (annualRate == null || annualRate.signum() < 0) {
            throw new IllegalArgumentException("annual rate must not be negative");
        }
        if (termMonths <= 0) {
            throw new IllegalArgumentException("term must be positive");
        }
        BigDecimal monthlyRate = annualRate.divide(TWELVE, MC);
        BigDecimal payment = cents(level(principal, monthlyRate, termMonths));
        List<ScheduledInstallment> rows = new ArrayList<>(termMonths);
        BigDecimal balance = cents(principal);
        for (int k = 1; k <= termMonths; k++) {
            BigDecimal interest = cents(balance.multiply(monthlyRate, MC));
            BigDecimal principalPart = k == termMonths ? balance : payment.subtract(interest).min(balance).max(BigDecimal.ZERO);
            balance = balance.subtract(principalPart);
            rows.add(new ScheduledInstallment(k, dueDate(firstDueOn, k), principalPart, interest));
        }
        return List.copyOf(rows);
    }

    /** Due date of installment {@code seq} (1-based), clamped to the month's end. */
    public static LocalDate dueDate(LocalDate firstDueOn, int seq) {
        return firstDueOn.plusMonths(seq - 1L);
    }

    /** The unrounded level payment: P·r / (1 − (1 + r)^−n), or P / n at a zero rate. */
    static BigDecimal level(BigDecimal principal, BigDecimal monthlyRate, int n) {
        if (monthlyRate.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), MC);
        }
        BigDecimal growth = BigDecimal.ONE.add(monthlyRate).pow(n, MC);
        BigDecimal discount = BigDecimal.ONE.subtract(BigDecimal.ONE.divide(growth, MC));
        return principal.multiply(monthlyRate, MC).divide(discount, MC);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
