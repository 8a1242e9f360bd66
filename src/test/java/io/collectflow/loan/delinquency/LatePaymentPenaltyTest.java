package io.collectflow.loan.delinquency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.collectflow.loan.NewLoan;
import io.collectflow.loan.PlainDatabase;
import io.collectflow.loan.payment.PaymentCommand;

/**
 * The bank's file of a day's payments usually arrives after the next day's scan has accrued penalty: a payment is
 * charged the penalty up to its own day (CONTRACT "Delinquency": DPD on D counts payments with paid_on ≤ D), through
 * the real payment service. Loan: 600.00 in one installment at 0 % interest, due 2026-01-10, penalty 365 % a year =
 * 1 % a day = 6.00 a day.
 */
class LatePaymentPenaltyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 1, 10);

    private final PlainDatabase db = PlainDatabase.h2();
    private final DelinquencyScanner scanner = new DelinquencyScanner(new NamedParameterJdbcTemplate(db.dataSource),
        new DataSourceTransactionManager(db.dataSource), new DelinquencyProperties("-", BigDecimal.ZERO,
            List.of(1, 30, 60, 90, 180, 360), 200, 1, Duration.ofHours(2)), db.dataSource);

    private String loan(String loanNo) {
        db.loanBook.createLoans(List.of(NewLoan.builder(loanNo).principal("600.00").annualRate("0").penaltyRate("3.65")
            .termMonths(1).disbursedOn(DUE.minusMonths(1)).firstDueOn(DUE).build()));
        return loanNo;
    }

    private List<String> allocations(String loanNo) {
        return db.jdbc.queryForList("SELECT component, amount FROM payment_allocation WHERE loan_no = ? ORDER BY component",
            loanNo).stream().map(r -> r.get("COMPONENT") + " " + ((BigDecimal) r.get("AMOUNT")).toPlainString()).toList();
    }

    private Map<String, Object> loanRow(String loanNo) {
        return db.jdbc.queryForMap("SELECT status, dpd, overdue_amount, penalty_pending, penalty_accrued_to,"
            + " penalty_spread_to FROM loan WHERE loan_no = ?", loanNo);
    }

    @Test
    void aPaymentPostedAfterTheNextDaysScanPaysThePenaltyUpToItsOwnDay() {
        String onTime = loan("LP-1");
        String late = loan("LP-2");
        // LP-1: the 15th's scan, then the payment of the 15th; LP-2: the 16th's scan came first
        scanner.computeState(DUE.plusDays(5));
        db.payments.post(new PaymentCommand("LP-1-P", onTime, DUE.plusDays(5), new BigDecimal("630.00"), "bank"));
        scanner.computeState(DUE.plusDays(6));
        assertThat(loanRow(late)).containsEntry("PENALTY_PENDING", new BigDecimal("36.00"));

        db.payments.post(new PaymentCommand("LP-2-P", late, DUE.plusDays(5), new BigDecimal("630.00"), "bank"));

        // 5 days of penalty (10th to 15th), then the principal: paid off either way
        assertThat(allocations(late)).containsExactly("PENALTY 30.00", "PRINCIPAL 600.00")
            .isEqualTo(allocations(onTime));
        assertThat(loanRow(late)).containsEntry("STATUS", "PAID_OFF")
            .containsEntry("PENALTY_PENDING", new BigDecimal("0.00"));
        assertThat(loanRow(late).get("PENALTY_ACCRUED_TO").toString()).isEqualTo("2026-01-15");
        scanner.computeState(DUE.plusDays(6));
        assertThat(loanRow(late)).containsEntry("DPD", 0).containsEntry("PENALTY_PENDING", new BigDecimal("0.00"));
    }

    @Test
    void aLatePartPaymentLeavesTheRestToAccrueFromItsDayOn() {
        String loanNo = loan("LP-3");
        scanner.computeState(DUE.plusDays(8));
        // paid on the 13th: 3 days of penalty (18.00), 282.00 principal; 318.00 stays overdue
        db.payments.post(new PaymentCommand("LP-3-P", loanNo, DUE.plusDays(3), new BigDecimal("300.00"), "bank"));
        assertThat(allocations(loanNo)).containsExactly("PENALTY 18.00", "PRINCIPAL 282.00");

        scanner.computeState(DUE.plusDays(8));

        // the 13th to the 18th on what the payment left: 5 days x 1 % x 318.00 = 15.90
        assertThat(loanRow(loanNo)).containsEntry("DPD", 8).containsEntry("PENALTY_PENDING", new BigDecimal("15.90"))
            .containsEntry("OVERDUE_AMOUNT", new BigDecimal("333.90"));
    }
}
