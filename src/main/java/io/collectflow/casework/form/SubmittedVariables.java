package io.collectflow.casework.form;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletException;

/**
 * The names of the variables a REST client submitted with the completion of a task, for the engine command that runs
 * on the same thread ({@link SubmittedVariablesFilter} records them, {@link SubmittedVariablesCheck} reads them). Inside
 * the engine a completion's variables are already mixed with the process's by the time a listener runs; only the
 * request still tells them apart.
 */
final class SubmittedVariables {

    private record Submission(String taskId, Set<String> names) {
    }

    private static final ThreadLocal<Submission> CURRENT = new ThreadLocal<>();

    private SubmittedVariables() {
    }

    /** Runs {@code completion} knowing that it submits {@code names} to the task {@code taskId}. */
    static void during(String taskId, Set<String> names, Completion completion) throws ServletException, IOException {
        Submission outer = CURRENT.get();
        CURRENT.set(new Submission(taskId, Set.copyOf(names)));
        try {
            completion.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The names submitted to {@code taskId} by the request being served; empty when it is no REST completion of it. */
    static Optional<Set<String>> to(String taskId) {
        Submission submission = CURRENT.get();
        return submission != null && submission.taskId().equals(taskId) ? Optional.of(submission.names())
            : Optional.empty();
    }

    /** A request's work, which may fail as a servlet filter chain does. */
    @FunctionalInterface
    interface Completion {

        void run() throws ServletException, IOException;
    }
}
