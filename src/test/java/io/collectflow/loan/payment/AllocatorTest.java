package io.collectflow.loan.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.payment.Allocator.Allocation;
import io.collectflow.loan.payment.Allocator.Owed;
import io.collectflow.loan.payment.Allocator.Outcome;
import io.collectflow.loan.payment.Allocator.Payment;

class AllocatorTest {

    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MAR_10 = LocalDate.of(2026, 3, 10);

    /** Two installments, each 5 penalty + 10 interest + 100 principal = 115. */
    private static final List<Owed> SCHEDULE = List.of(due(1, "5.00", "10.00", "100.00"), due(2, "5.00", "10.00", "100.00"));

    private static Owed due(int seq, String penalty, String interest, String principal) {
        return new Owed(seq, new BigDecimal(penalty), new BigDecimal(interest), new BigDecimal(principal));
    }

    private static Payment pay(String ref, LocalDate on, String amount) {
        return new Payment(ref, on, new BigDecimal(amount));
    }

    /** Expected rows use scale 2 like the inputs, so record equality is exact. */
    private static Allocation row(String ref, int seq, AllocationComponent c, String amount, LocalDate on) {
        return new Allocation(ref, seq, c, new BigDecimal(amount), on);
    }

    @Test
    void penaltyThenInterestThenPrincipal() {
        Outcome outcome = Allocator.allocate(SCHEDULE, List.of(pay("P1", MAR_1, "12.00")));

        assertThat(outcome.allocations()).containsExactly(row("P1", 1, AllocationComponent.PENALTY, "5.00", MAR_1), row("P1", 1, AllocationComponent.INTEREST, "7.00", MAR_1));
        assertThat(outcome.paid().get(0).penalty()).isEqualByComparingTo("5.00");
        assertThat(outcome.paid().get(0).interest()).isEqualByComparingTo("7.00");
        assertThat(outcome.paid().get(0).principal()).isZero();
        assertThat(outcome.credit()).isZero();
        assertThat(outcome.fullyPaid()).isFalse();
    }

    @Test
    void oldestInstallmentFirst() {
        Outcome outcome = Allocator.allocate(List.of(SCHEDULE.get(1), SCHEDULE.get(0)), List.of(pay("P1", MAR_1, "120.00")));

        assertThat(outcome.paid().get(0).total()).isEqualByComparingTo("115.00");
        assertThat(outcome.paid().get(1).penalty()).isEqualByComparingTo("5.00");
        assertThat(outcome.paid().get(1).interest()).isZero();
        assertThat(outcome.allocations()).extracting(Allocation::seq).containsExactly(1, 1, 1, 2);
    }

    @Test
    void partialPaymentsAddUp() {
        Outcome outcome = Allocator.allocate(SCHEDULE, List.of(pay("P1", MAR_1, "50.00"), pay("P2", MAR_10, "50.00")));

        assertThat(outcome.paid().get(0).principal()).isEqualByComparingTo("85.00");
        assertThat(outcome.paid().get(1).total()).isZero();
        assertThat(outcome.allocations()).containsExactly(row("P1", 1, AllocationComponent.PENALTY, "5.00", MAR_1), row("P1", 1, AllocationComponent.INTEREST, "10.00", MAR_1),
                row("P1", 1, AllocationComponent.PRINCIPAL, "35.00", MAR_1), row("P2", 1, AllocationComponent.PRINCIPAL, "50.00", MAR_10));
    }

    @Test
    void overpaymentPaysTheNextInstallmentsAndKeepsTheRestAsCredit() {
        Outcome next = Allocator.allocate(SCHEDULE, List.of(pay("P1", MAR_1, "150.00")));
        assertThat(next.paid().get(0).total()).isEqualByComparingTo("115.00");
        assertThat(next.paid().get(1).total()).isEqualByComparingTo("35.00");
        assertThat(next.credit()).isZero();

        Outcome beyond = Allocator.allocate(SCHEDULE, List.of(pay("P1", MAR_1, "200.00"), pay("P2", MAR_10, "80.00")));
        assertThat(beyond.fullyPaid()).isTrue();
        assertThat(beyond.credit()).isEqualByComparingTo("50.00");
        assertThat(beyond.allocations()).filteredOn(a -> a.component() == AllocationComponent.CREDIT)
            .containsExactly(row("P2", 0, AllocationComponent.CREDIT, "50.00", MAR_10));
    }

    @Test
    void backDatedPaymentIsAllocatedBeforeLaterOnes() {
        // P2 was posted first but paid later than P1: P1 takes the penalty and interest
        Outcome outcome = Allocator.allocate(SCHEDULE, List.of(pay("P2", MAR_10, "10.00"), pay("P1", MAR_1, "10.00")));

        assertThat(outcome.allocations()).containsExactly(row("P1", 1, AllocationComponent.PENALTY, "5.00", MAR_1), row("P1", 1, AllocationComponent.INTEREST, "5.00", MAR_1),
                row("P2", 1, AllocationComponent.INTEREST, "5.00", MAR_10), row("P2", 1, AllocationComponent.PRINCIPAL, "5.00", MAR_10));
    }

    @Test
    void noPaymentsLeaveEverythingOpen() {
        Outcome outcome = Allocator.allocate(SCHEDULE, List.of());
        assertThat(outcome.allocations()).isEmpty();
        assertThat(outcome.paid()).allSatisfy(p -> assertThat(p.total()).isZero());
        assertThat(outcome.fullyPaid()).isFalse();
    }
}
