package io.collectflow.contact.process;

/**
 * Names of the {@code contact-attempt} process (processes/contact-attempt.bpmn). Callers (the collection case)
 * start it as a call activity with {@link Vars#LOAN_NO}, {@link Vars#CHANNEL}, {@link Vars#PURPOSE} and
 * business key = loan number, and read {@link Vars#CONTACT_OUTCOME} back.
 */
public final class ContactAttempt {

    public static final String PROCESS_KEY = "contact-attempt";

    /** Outcome values of {@link Vars#CONTACT_OUTCOME}. */
    public static final String OUTCOME_SENT = "SENT";
    public static final String OUTCOME_FAILED = "FAILED";

    /** BPMN error codes thrown by the send task. */
    public static final String ERROR_CONTACT_BLOCKED = "ContactBlocked";
    public static final String ERROR_CONTACT_UNDELIVERABLE = "ContactUndeliverable";

    /** Process variables. */
    public static final class Vars {
        /** in: the loan (String). */
        public static final String LOAN_NO = "loanNo";
        /** in: sms, email or voice. */
        public static final String CHANNEL = "channel";
        /** in: the template purpose, e.g. REMINDER_30. */
        public static final String PURPOSE = "purpose";
        /** out: SENT or FAILED. */
        public static final String CONTACT_OUTCOME = "contactOutcome";
        /** the last verdict: allowed now? (Boolean) */
        public static final String CONTACT_ALLOWED = "contactAllowed";
        /** id of the last verdict in compliance_verdict (Long). */
        public static final String VERDICT_ID = "verdictId";
        /** reason codes of the last block, comma-separated (String). */
        public static final String BLOCK_REASONS = "blockReasons";
        /** when the blocked contact is checked again (Date): the next allowed instant, or a re-check for flags. */
        public static final String NEXT_CHECK_AT = "nextCheckAt";
        /** id of the contact-log row of the sent message (Long). */
        public static final String CONTACT_LOG_ID = "contactLogId";
        /** why the message could not be delivered (String). */
        public static final String FAILURE_REASON = "failureReason";

        private Vars() {
        }
    }

    private ContactAttempt() {
    }
}
