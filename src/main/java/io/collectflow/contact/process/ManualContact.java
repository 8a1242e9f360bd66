package io.collectflow.contact.process;

/**
 * Task variables of forms that record a call or visit (forms/record-contact.form), read by the task
 * listeners {@code ${manualContactComplianceListener}} (complete) and {@code ${contactWindowHintListener}}
 * (create, assignment).
 */
public final class ManualContact {

    /** Form fields / variables. */
    public static final class Vars {
        /** Boolean: the collector says a call or visit was made. */
        public static final String CONTACT_MADE = "contactMade";
        /** String: call (default) or visit. */
        public static final String CONTACT_CHANNEL = "contactChannel";
        /** String: ANSWERED, NO_ANSWER, PROMISE_MADE, REFUSED, WRONG_NUMBER, VISITED, NOT_AT_HOME. */
        public static final String CONTACT_RESULT = "contactResult";
        /** String: the collector's note (screened for prohibited language). */
        public static final String CONTACT_NOTE = "contactNote";
        /** String (task-local, read only): the guard's verdict for now, e.g. "You may call until 21:00". */
        public static final String COMPLIANCE_HINT = "complianceHint";
        /** Long: the contact-log id of the recorded contact. */
        public static final String CONTACT_LOG_ID = "manualContactLogId";

        private Vars() {
        }
    }

    private ManualContact() {
    }
}
