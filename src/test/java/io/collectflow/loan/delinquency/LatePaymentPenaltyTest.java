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
        assertThat(loanRow(late).get("PENALTY_SPREAD_TO").toString()).isEqualTo("2026-01-15");
        assertThat(loanRow(late).get("PENALTY_ACCRUED_TO").toString()).as("the scan's day stays").isEqualTo("2026-01-16");
        scanner.computeState(DUE.plusDays(6));
        assertThat(loanRow(late)).containsEntry("DPD", 0).containsEntry("PENALTY_PENDING", new BigDecimal("0.00"));
    }

    @Test
    void aLatePartPaymentLeavesTheRestToAccrueFromItsDayOnAtOnce() {
        String loanNo = loan("LP-3");
        scanner.computeState(DUE.plusDays(8));
        // paid on the 13th: 3 days of penalty (18.00), 282.00 principal; 318.00 stays overdue
        db.payments.post(new PaymentCommand("LP-3-P", loanNo, DUE.plusDays(3), new BigDecimal("300.00"), "bank"));
        assertThat(allocations(loanNo)).containsExactly("PENALTY 18.00", "PRINCIPAL 282.00");
        // the 13th to the 18th on what the payment left: 5 days x 1 % x 318.00 = 15.90
        assertThat(loanRow(loanNo)).containsEntry("PENALTY_PENDING", new BigDecimal("15.90"));

        scanner.computeState(DUE.plusDays(8));

        assertThat(loanRow(loanNo)).containsEntry("DPD", 8).containsEntry("PENALTY_PENDING", new BigDecimal("15.90"))
            .containsEntry("OVERDUE_AMOUNT", new BigDecimal("333.90"));
    }

    private String allocationsByPayment(String loanNo) {
        return String.join("; ", db.jdbc.queryForList("SELECT payment_ref, component, amount FROM payment_allocation"
            + " WHERE loan_no = ? ORDER BY paid_on, component", loanNo).stream()
            .map(r -> r.get("PAYMENT_REF") + " " + r.get("COMPONENT") + " " + ((BigDecimal) r.get("AMOUNT")).toPlainString())
            .toList());
    }

    @Test
    void aPaymentDatedBeforeAnEarlierPostedOneGetsThePenaltyAsIfTheyHadArrivedInDateOrder() {
        String inOrder = loan("LP-4");
        String backDated = loan("LP-5");
        // LP-4: the payments of the 13th and the 18th arrive in date order (each after the 20th's scan)
        scanner.computeState(DUE.plusDays(10));
        db.payments.post(new PaymentCommand("LP-4-A", inOrder, DUE.plusDays(3), new BigDecimal("300.00"), "bank"));
        db.payments.post(new PaymentCommand("LP-4-B", inOrder, DUE.plusDays(8), new BigDecimal("300.00"), "bank"));
        // LP-5: the 18th's payment first, the 13th's (another bank's file) a day later
        db.payments.post(new PaymentCommand("LP-5-B", backDated, DUE.plusDays(8), new BigDecimal("300.00"), "bank"));
        assertThat(allocations(backDated)).containsExactly("PENALTY 48.00", "PRINCIPAL 252.00");

        db.payments.post(new PaymentCommand("LP-5-A", backDated, DUE.plusDays(3), new BigDecimal("300.00"), "bank"));

        // the 10th to the 13th: 3 x 6.00; the 13th to the 18th on the 318.00 left: 5 x 3.18 = 15.90 (before: the
        // 48.00 spread by the first-posted payment stayed, and 33.90 of principal more was owed)
        assertThat(allocationsByPayment(backDated)).isEqualTo(allocationsByPayment(inOrder).replace("LP-4", "LP-5"))
            .isEqualTo("LP-5-A PENALTY 18.00; LP-5-A PRINCIPAL 282.00; LP-5-B PENALTY 15.90; LP-5-B PRINCIPAL 284.10");
        assertThat(db.jdbc.queryForObject("SELECT SUM(penalty_due) FROM installment WHERE loan_no = ?", BigDecimal.class,
            backDated)).isEqualByComparingTo("33.90");
        scanner.computeState(DUE.plusDays(10));
        // 33.90 left, 2 days x 1 %: the same on both loans
        assertThat(loanRow(backDated)).containsEntry("PENALTY_PENDING", new BigDecimal("0.68"))
            .containsEntry("OVERDUE_AMOUNT", new BigDecimal("34.58"));
        assertThat(loanRow(backDated)).isEqualTo(loanRow(inOrder));
    }

    @Test
    void aBackDatedPaymentBeforeTheScansDayKeepsThePendingPenaltyOfTheDaysAfter() {
        String loanNo = loan("LP-6");
        scanner.computeState(DUE.plusDays(5));
        // paid on the 15th (the day of the last scan), then one of the 12th arrives
        db.payments.post(new PaymentCommand("LP-6-B", loanNo, DUE.plusDays(5), new BigDecimal("100.00"), "bank"));
        scanner.computeState(DUE.plusDays(9));
        db.payments.post(new PaymentCommand("LP-6-A", loanNo, DUE.plusDays(2), new BigDecimal("212.00"), "bank"));

        // 12th: 2 days x 6.00 = 12.00, then 200.00 principal; 15th: 3 days x 4.00 = 12.00, then 88.00 principal;
        // 312.00 left, and from the 15th to the 19th's scan 4 days x 3.12 = 12.48 pending
        assertThat(allocationsByPayment(loanNo)).isEqualTo(
            "LP-6-A PENALTY 12.00; LP-6-A PRINCIPAL 200.00; LP-6-B PENALTY 12.00; LP-6-B PRINCIPAL 88.00");
        assertThat(loanRow(loanNo)).containsEntry("PENALTY_PENDING", new BigDecimal("12.48"));
        scanner.computeState(DUE.plusDays(9));
        assertThat(loanRow(loanNo)).containsEntry("PENALTY_PENDING", new BigDecimal("12.48"))
            .containsEntry("OVERDUE_AMOUNT", new BigDecimal("324.48"));
    }
}
