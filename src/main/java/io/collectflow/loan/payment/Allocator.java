package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The allocation rule, as a pure function: what each installment still owes, and payments to apply.
 *
 * <p>Payments are applied in {@code paid_on} order (ties: the order given, i.e. posting order).
 * Each payment goes to the oldest installment with anything owed, and within an installment to
 * penalty (accrued {@code penalty_due} not yet paid), then interest, then principal; when the
 * installments owed so far are settled the rest immediately pays the next installments in order
 * (prepayment of whole installments). What remains after the last installment is credit (a CREDIT
 * row with seq 0). {@link PaymentService} decides which payments are (re-)applied on which state.
 */
public final class Allocator {

    /** What an installment still owes, by component, before the payments to apply. */
    public record Owed(int seq, BigDecimal penalty, BigDecimal interest, BigDecimal principal) {
    }

    /** A payment to allocate. */
    public record Payment(String paymentRef, LocalDate paidOn, BigDecimal amount) {
    }

    /** One allocation row. */
    public record Allocation(String paymentRef, int seq, AllocationComponent component, BigDecimal amount, LocalDate paidOn) {
    }

    /** How much these payments paid on an installment. */
    public record Paid(int seq, BigDecimal penalty, BigDecimal interest, BigDecimal principal) {

        public BigDecimal total() {
            return penalty.add(interest).add(principal);
        }
    }

    /** The result: allocation rows, paid amounts per installment (seq order) and the remaining credit. */
    public record Outcome(List<Allocation> allocations, List<Paid> paid, BigDecimal credit, boolean fullyPaid) {
    }

    private Allocator() {
    }

    public static Outcome allocate(List<Owed> schedule, List<Payment> payments) {
        List<Owed> owed = schedule.stream().sorted(Comparator.comparingInt(Owed::seq)).toList();
        BigDecimal[][] open = new BigDecimal[owed.size()][];
        BigDecimal[][] paid = new BigDecimal[owed.size()][];
        for (int i = 0; i < owed.size(); i++) {
            Owed d = owed.get(i);
            open[i] = new BigDecimal[] {d.penalty(), d.interest(), d.principal()};
            paid[i] = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        }
        AllocationComponent[] order = {AllocationComponent.PENALTY, AllocationComponent.INTEREST, AllocationComponent.PRINCIPAL};
        List<Allocation> rows = new ArrayList<>();
        BigDecimal credit = BigDecimal.ZERO;
        List<Payment> sorted = payments.stream().sorted(Comparator.comparing(Payment::paidOn)).toList();
        int cursor = 0;
        for (Payment payment : sorted) {
            BigDecimal left = payment.amount();
            for (int i = cursor; i < owed.size() && left.signum() > 0; i++) {
                for (int c = 0; c < order.length && left.signum() > 0; c++) {
                    BigDecimal take = left.min(open[i][c]);
                    if (take.signum() > 0) {
                        open[i][c] = open[i][c].subtract(take);
                        paid[i][c] = paid[i][c].add(take);
                        left = left.subtract(take);
                        rows.add(new Allocation(payment.paymentRef(), owed.get(i).seq(), order[c], take, payment.paidOn()));
                    }
                }
            }
            while (cursor < owed.size() && isSettled(open[cursor])) {
                cursor++;
            }
            if (left.signum() > 0) {
                rows.add(new Allocation(payment.paymentRef(), 0, AllocationComponent.CREDIT, left, payment.paidOn()));
                credit = credit.add(left);
            }
        }
        List<Paid> paidList = new ArrayList<>(owed.size());
        for (int i = 0; i < owed.size(); i++) {
            paidList.add(new Paid(owed.get(i).seq(), paid[i][0], paid[i][1], paid[i][2]));
        }
        return new Outcome(List.copyOf(rows), List.copyOf(paidList), credit,
            java.util.Arrays.stream(open).allMatch(Allocator::isSettled));
    }

    private static boolean isSettled(BigDecimal[] open) {
        return open[0].signum() <= 0 && open[1].signum() <= 0 && open[2].signum() <= 0;
    }
}
