package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * How the simulator shares work among its threads: each loan's work on one worker in its given order, every worker
 * busy with its share at the same time (a worker with no tasks still has its loans' jobs to run), and a failure on
 * any worker reaching the caller.
 */
class LoanWorkersTest {

    private record Item(String loanNo, int seq) {
    }

    @Test
    void eachLoansItemsGoToOneWorkerInTheirOrder() {
        List<Item> items = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            for (int loan = 0; loan < 30; loan++) {
                items.add(new Item("L" + loan, seq));
            }
        }
        Map<Integer, List<Item>> worked = new ConcurrentHashMap<>();
        Map<Integer, String> threads = new ConcurrentHashMap<>();

        try (LoanWorkers workers = new LoanWorkers(null, 3)) {
            workers.runLoanShares(items, Item::loanNo, (worker, share) -> {
                threads.put(worker, Thread.currentThread().getName());
                share.forEach(item -> worked.computeIfAbsent(worker, w -> new CopyOnWriteArrayList<>()).add(item));
            });
        }

        assertThat(worked.values().stream().mapToInt(List::size).sum()).as("items worked").isEqualTo(items.size());
        assertThat(worked).as("loans spread over the workers").hasSize(3);
        assertThat(Set.copyOf(threads.values())).as("one thread per worker").hasSize(3);
        assertThat(threads.get(0)).as("the first worker is the calling thread").isEqualTo(Thread.currentThread().getName());
        for (int loan = 0; loan < 30; loan++) {
            String loanNo = "L" + loan;
            List<Integer> holders = worked.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> i.loanNo().equals(loanNo))).map(Map.Entry::getKey).toList();
            assertThat(holders).as("workers of " + loanNo).hasSize(1);
            assertThat(worked.get(holders.get(0)).stream().filter(i -> i.loanNo().equals(loanNo)).map(Item::seq).toList())
                .as(loanNo + "'s items in their order").containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void everyWorkerRunsEvenWithoutItems() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();

        try (LoanWorkers workers = new LoanWorkers(null, 3)) {
            workers.runLoanShares(List.<Item>of(), Item::loanNo, (worker, share) -> ran.add(worker));
        }

        assertThat(ran).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aWorkersFailureReachesTheCallerAfterTheOthersFinished() {
        AtomicBoolean firstFinished = new AtomicBoolean();

        try (LoanWorkers workers = new LoanWorkers(null, 2)) {
            assertThatThrownBy(() -> workers.runLoanShares(List.<Item>of(), Item::loanNo, (worker, share) -> {
                if (worker == 1) {
                    throw new IllegalStateException("worker 1 failed");
                }
                sleep();
                firstFinished.set(true);
            })).isInstanceOf(IllegalStateException.class).hasMessage("worker 1 failed");
        }
        assertThat(firstFinished).as("the first worker finished its share").isTrue();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
