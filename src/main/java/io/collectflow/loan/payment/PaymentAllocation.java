package io.collectflow.loan.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.collectflow.loan.delinquency.PenaltySpreader;

/**
 * Applies newly posted payments of one loan (call inside the transaction that inserted them, with
 * the loan row locked).
 *
 * <p>Rule for back-dated payments: let D be the earliest {@code paid_on} among the new payments.
 * Allocations of payments paid on or before D stay as they are; every payment paid after D is taken
 * back and re-applied together with the new ones in {@code paid_on} order (ties: posting order). So a
 * payment arriving in date order is simply applied on top, and a late-arriving back-dated payment
 * takes its place in time: {@code payment_allocation} always tells what was paid by which date. When penalty had
 * been spread past D, those spreads are taken back and the payments are re-applied day by day, each day's penalty
 * accrued on what the days before left ({@link PenaltySpreader#prepare}).
 */
@Component
class PaymentAllocation {

    private static final int PENALTY = 0;
    private static final int INTEREST = 1;
    private static final int PRINCIPAL = 2;

    private final PaymentRepository repository;
    private final PenaltySpreader penalty;

    PaymentAllocation(PaymentRepository repository, PenaltySpreader penalty) {
        this.repository = repository;
        this.penalty = penalty;
    }

    void applyNew(String loanNo, Collection<PaymentCommand> newPayments) {
        LocalDate from = newPayments.stream().map(PaymentCommand::paidOn).min(Comparator.naturalOrder()).orElseThrow();
        // penalty spread past the payments' day (by a later-dated payment posted before them) is taken back and
        // spread again day by day below; otherwise the penalty accrued up to their day goes onto the installments
        // first (penalty → interest → principal)
        PenaltySpreader.Preparation penaltyWork = penalty.prepare(loanNo, from);
        boolean penaltyReplay = penaltyWork == PenaltySpreader.Preparation.REPLAY;
        Set<String> newRefs = new HashSet<>();
        newPayments.forEach(p -> newRefs.add(p.paymentRef()));
        List<Allocator.Payment> replay = repository.payments(loanNo).stream()
            .filter(p -> newRefs.contains(p.paymentRef()) || p.paidOn().isAfter(from)).toList();
        Set<String> replayRefs = new HashSet<>();
        replay.forEach(p -> replayRefs.add(p.paymentRef()));
        repository.deleteAllocations(loanNo, replayRefs);

        Map<Integer, BigDecimal[]> paid = zeroes(repository.dues(loanNo));
        BigDecimal credit = BigDecimal.ZERO;
        for (Allocator.Allocation kept : repository.allocationsOfLoan(loanNo)) {
            if (kept.component() == AllocationComponent.CREDIT) {
                credit = credit.add(kept.amount());
            } else {
                add(paid.get(kept.seq()), kept.component(), kept.amount());
            }
        }
        if (!penaltyReplay) {
            Allocator.Outcome outcome = allocate(loanNo, replay, paid);
            repository.saveAllocation(loanNo, outcome.allocations(), paid, credit.add(outcome.credit()),
                outcome.fullyPaid());
            if (penaltyWork == PenaltySpreader.Preparation.SPREAD_BEFORE_SCAN_DAY) {
                penalty.recomputePending(loanNo);
            }
            return;
        }
        // day by day: each day's penalty accrues on what the payments of the days before left
        repository.savePaid(loanNo, paid);
        Map<LocalDate, List<Allocator.Payment>> byDay = new TreeMap<>();
        replay.forEach(p -> byDay.computeIfAbsent(p.paidOn(), d -> new ArrayList<>()).add(p));
        List<Allocator.Allocation> rows = new ArrayList<>();
        boolean fullyPaid = false;
        for (Map.Entry<LocalDate, List<Allocator.Payment>> day : byDay.entrySet()) {
            penalty.spreadReplayed(loanNo, day.getKey());
            Allocator.Outcome outcome = allocate(loanNo, day.getValue(), paid);
            repository.savePaid(loanNo, paid);
            rows.addAll(outcome.allocations());
            credit = credit.add(outcome.credit());
            fullyPaid = outcome.fullyPaid();
        }
        repository.saveAllocation(loanNo, rows, paid, credit, fullyPaid);
        penalty.recomputePending(loanNo);
    }

    /** Allocates {@code payments} on what the installments still owe beyond {@code paid}, adding the result to it. */
    private Allocator.Outcome allocate(String loanNo, List<Allocator.Payment> payments, Map<Integer, BigDecimal[]> paid) {
        List<Allocator.Owed> owed = new ArrayList<>();
        repository.dues(loanNo).forEach((seq, due) -> owed.add(new Allocator.Owed(seq,
            due[PENALTY].subtract(paid.get(seq)[PENALTY]), due[INTEREST].subtract(paid.get(seq)[INTEREST]),
            due[PRINCIPAL].subtract(paid.get(seq)[PRINCIPAL]))));
        Allocator.Outcome outcome = Allocator.allocate(owed, payments);
        for (Allocator.Allocation row : outcome.allocations()) {
            if (row.component() != AllocationComponent.CREDIT) {
                add(paid.get(row.seq()), row.component(), row.amount());
            }
        }
        return outcome;
    }

    private static Map<Integer, BigDecimal[]> zeroes(Map<Integer, BigDecimal[]> dues) {
        Map<Integer, BigDecimal[]> zero = new TreeMap<>();
        dues.keySet().forEach(seq -> zero.put(seq, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
        return zero;
    }

    private static void add(BigDecimal[] amounts, AllocationComponent component, BigDecimal amount) {
        int i = switch (component) {
            case PENALTY -> PENALTY;
            case INTEREST -> INTEREST;
            case PRINCIPAL -> PRINCIPAL;
            case CREDIT -> throw new IllegalArgumentException("credit is not an installment component");
        };
        amounts[i] = amounts[i].add(amount);
    }
}
