package io.collectflow.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Works the simulation's loans on several threads at once. The work (the due jobs, a day's tasks) is split
 * by loan: everything of one loan — its collection case and the processes the case calls or starts, found through
 * the root process instance and its business key, the loan number — goes to the same worker, in the order given.
 * So each loan's work happens in the order it would on one thread, and as loans share nothing the simulation reads
 * (one borrower per loan, dice keyed on the loan), a run gives the same figures with any number of workers
 * ({@code SimulationReproducibilityTest}). Work that belongs to no process instance goes to the first worker.
 */
final class LoanWorkers implements AutoCloseable {

    private static final int QUERY_CHUNK = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final RuntimeService runtime;
    private final int count;
    private final ExecutorService pool;
    /** process instance id → the loan it works for (its root instance's business key, else the root's id) */
    private final Map<String, String> loanOfInstance = new ConcurrentHashMap<>();
    private final AtomicLong workerCpuNanos = new AtomicLong();

    LoanWorkers(RuntimeService runtime, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + count);
        }
        this.runtime = runtime;
        this.count = count;
        AtomicInteger n = new AtomicInteger();
        this.pool = count == 1 ? null : Executors.newFixedThreadPool(count - 1, r -> {
            Thread thread = new Thread(r, "simulation-worker-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Gives each worker its share of {@code items} (each loan's items in their given order) and runs {@code share}
     * with it on every worker at once, also on a worker whose share is empty (its loans may have jobs to run).
     */
    <T> void runShares(List<T> items, Function<T, String> instanceOf, BiConsumer<Integer, List<T>> share) {
        List<List<T>> byWorker = split(items, instanceOf);
        onEvery(worker -> share.accept(worker, byWorker.get(worker)));
    }

    /**
     * {@link #runShares} for items of loans given by their loan numbers ({@code loanOf}) rather than by a process
     * instance: each loan's items go to the worker that works its process instances.
     */
    <T> void runLoanShares(List<T> items, Function<T, String> loanOf, BiConsumer<Integer, List<T>> share) {
        List<List<T>> byWorker = shares();
        items.forEach(item -> byWorker.get(workerOf(loanOf.apply(item))).add(item));
        onEvery(worker -> share.accept(worker, byWorker.get(worker)));
    }

    /** The items of {@code items} that belong to {@code worker}'s loans, in their given order. */
    <T> List<T> mine(int worker, List<T> items, Function<T, String> instanceOf) {
        return split(items, instanceOf).get(worker);
    }

    /**
     * Runs {@code work} for every worker at once, the first on the calling thread, and returns when all are done; the
     * first failure is thrown then.
     */
    void onEvery(IntConsumer work) {
        List<Future<?>> others = new ArrayList<>();
        for (int w = 1; w < count; w++) {
            int worker = w;
            others.add(pool.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                try {
                    work.accept(worker);
                } finally {
                    workerCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                }
            }));
        }
        RuntimeException failure = null;
        try {
            work.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the workers were busy", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The loan (root process instance's business key, else its id) of each of {@code instanceIds} that still runs. */
    Map<String, String> loansOf(Collection<String> instanceIds) {
        learn(instanceIds);
        Map<String, String> loans = new HashMap<>();
        instanceIds.forEach(id -> {
            String loan = loanOfInstance.get(id);
            if (loan != null) {
                loans.put(id, loan);
            }
        });
        return loans;
    }

    /** CPU time the workers other than the calling thread spent. */
    long workerCpuNanos() {
        return workerCpuNanos.get();
    }

    private <T> List<List<T>> split(List<T> items, Function<T, String> instanceOf) {
        List<List<T>> byWorker = shares();
        if (count == 1) {
            byWorker.get(0).addAll(items);
            return byWorker;
        }
        learn(items.stream().map(instanceOf).filter(id -> id != null).toList());
        for (T item : items) {
            String instance = instanceOf.apply(item);
            byWorker.get(workerOf(instance == null ? null : loanOfInstance.get(instance))).add(item);
        }
        return byWorker;
    }

    private <T> List<List<T>> shares() {
        List<List<T>> byWorker = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            byWorker.add(new ArrayList<>());
        }
        return byWorker;
    }

    /** The worker of a loan; work of no loan goes to the first. */
    private int workerOf(String loan) {
        return loan == null ? 0 : Math.floorMod(loan.hashCode(), count);
    }

    /** Finds the loans of process instances not met before (one query, and one more for their roots). */
    private void learn(Collection<String> instanceIds) {
        Set<String> unknown = new HashSet<>();
        instanceIds.stream().filter(id -> !loanOfInstance.containsKey(id)).forEach(unknown::add);
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, String> rootOf = new HashMap<>();
        for (ProcessInstance instance : instances(unknown)) {
            String root = instance.getRootProcessInstanceId();
            if (root == null || root.equals(instance.getId())) {
                loanOfInstance.put(instance.getId(), loanOf(instance));
            } else {
                rootOf.put(instance.getId(), root);
            }
        }
        Set<String> roots = new HashSet<>(rootOf.values());
        roots.removeIf(loanOfInstance::containsKey);
        instances(roots).forEach(root -> loanOfInstance.put(root.getId(), loanOf(root)));
        rootOf.forEach((instance, root) -> loanOfInstance.put(instance, loanOfInstance.getOrDefault(root, root)));
    }

    private List<ProcessInstance> instances(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<ProcessInstance> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += QUERY_CHUNK) {
            found.addAll(runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(all.subList(from, Math.min(all.size(), from + QUERY_CHUNK)))).list());
        }
        return found;
    }

    private static String loanOf(ProcessInstance root) {
        return root.getBusinessKey() != null ? root.getBusinessKey() : root.getId();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
