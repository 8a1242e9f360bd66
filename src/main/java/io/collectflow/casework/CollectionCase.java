package io.collectflow.casework;

/**
 * Names of the {@code collection-case} process as the engine knows them: process key, messages and
 * variables. Delegates, the case lifecycle and tests use these constants, never string literals.
 */
public final class CollectionCase {

    /** Process definition key; the BPMN file is processes/collection-case.bpmn. */
    public static final String PROCESS_KEY = "collection-case";

    /** Message names (one namespace for every model). */
    public static final class Messages {
        /** The daily scan found the loan in another bucket: the case re-evaluates its strategy. */
        public static final String DELINQUENCY_CHANGED = "DelinquencyChanged";
        /** The arrears are paid: the case ends as cured from whatever state it is in. */
        public static final String ARREARS_CLEARED = "ArrearsCleared";

        private Messages() {
        }
    }

    /** Process variables: ids, flags and small values only. */
    public static final class Vars {
        public static final String LOAN_NO = "loanNo";
        public static final String DPD = "dpd";
        public static final String BUCKET = "bucket";
        public static final String OVERDUE_AMOUNT = "overdueAmount";
        /** How the case ended: CURED, CLOSED. */
        public static final String CASE_OUTCOME = "caseOutcome";

        private Vars() {
        }
    }

    private CollectionCase() {
    }
}
