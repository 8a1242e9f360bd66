package io.collectflow.web;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a whole transaction again when Camunda refuses its commit because another transaction changed one of the
 * same process instances meanwhile (a job of the case ran at the same moment): the work is re-read and re-done,
 * which is what the engine asks for. After the last attempt the exception goes to the caller, and an API answers
 * it with 409 ({@link ConcurrentUpdateAdvice}). Only for work that is one transaction with no effect outside it
 * (the {@code transaction} must open and commit its own, e.g. a {@code @Transactional} bean's method).
 */
public final class ConcurrentUpdateRetry {

    /** How often an API request that meets a concurrent change of a case is tried in all. */
    public static final int API_ATTEMPTS = 3;

    private ConcurrentUpdateRetry() {
    }

    public static <T> T call(int attempts, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (OptimisticLockingException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }
}
