package io.collectflow.complaint.process;

/** Names of the {@code complaint} process (processes/complaint.bpmn); business key = complaint number. */
public final class ComplaintProcess {

    public static final String PROCESS_KEY = "complaint";
    public static final String TASK_REGISTER = "Task_RegisterComplaint";
    public static final String TASK_INVESTIGATE = "Task_InvestigateComplaint";
    public static final String TASK_HANDLE = "Task_HandleComplaint";

    /** Process variables (form field keys are the same names). */
    public static final class Vars {
        /** the public complaint number, e.g. CMP-7K2M9QX4TZ (String); absent on a hotline start until recorded */
        public static final String COMPLAINT_ID = "complaintId";
        /** online, hotline, email (String) */
        public static final String CHANNEL = "channel";
        public static final String COMPLAINANT_NAME = "complainantName";
        public static final String COMPLAINANT_PHONE = "complainantPhone";
        public static final String COMPLAINANT_EMAIL = "complainantEmail";
        /** the loan number as stated (String, may be empty) */
        public static final String LOAN_NO = "loanNo";
        /** misconduct, harassment, fee_dispute, privacy, other (String) */
        public static final String CATEGORY = "category";
        public static final String COMPLAINT_TEXT = "complaintText";
        /** collector user id / agency id the complaint is about (String, may be empty) */
        public static final String COLLECTOR_ID = "collectorId";
        public static final String AGENCY_ID = "agencyId";
        /** deadlines (Date) for the boundary timers */
        public static final String ACKNOWLEDGE_BY = "acknowledgeBy";
        public static final String RESOLVE_BY = "resolveBy";
        /** the linked loan's contact log as text, for the investigation form (String) */
        public static final String CONTACT_LOG = "contactLog";
        public static final String FINDINGS = "findings";
        /** Boolean */
        public static final String MISCONDUCT_CONFIRMED = "misconductConfirmed";
        /** UPHELD, PARTLY_UPHELD, NOT_UPHELD (String) */
        public static final String DECISION = "decision";
        public static final String REMEDY = "remedy";
        /** email, sms or none (String) */
        public static final String FEEDBACK_CHANNEL = "feedbackChannel";
        /** what the manager did about a missed deadline (String, escalation form) */
        public static final String ESCALATION_NOTE = "escalationNote";
        /** the user who completed the last complaint task (String), set by the task listener */
        public static final String LAST_ACTOR = "lastActor";

        private Vars() {
        }
    }

    private ComplaintProcess() {
    }
}
