package io.collectflow.legal.web;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a whole transaction again when Camunda refuses its commit because another transaction changed one of the
 * same process instances meanwhile (a job of the case ran at the same moment): the work is re-read and re-done,
 * which is what the engine asks for. After the last attempt the exception goes to the caller.
 */
final class ConcurrentUpdateRetry {

    private ConcurrentUpdateRetry() {
    }

    static <T> T call(int attempts, Supplier<T> transaction) {
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
