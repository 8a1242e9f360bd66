package io.collectflow.simulation;

import java.util.Map;

/**
 * What a simulated staff member enters on a task form: the form variables, and what follows in the
 * borrower's world once the engine has accepted them (a promise that will be kept, for instance).
 */
record TaskOutcome(Map<String, Object> variables, Runnable afterComplete) {

    /** The task is not worked today (e.g. an agency still working the case). */
    static final TaskOutcome NOT_TODAY = new TaskOutcome(null, () -> { });

    static TaskOutcome of(Map<String, Object> variables) {
        return new TaskOutcome(variables, () -> { });
    }

    static TaskOutcome of(Map<String, Object> variables, Runnable afterComplete) {
        return new TaskOutcome(variables, afterComplete);
    }

    boolean worked() {
        return variables != null;
    }
}
