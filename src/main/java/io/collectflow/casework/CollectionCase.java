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
        /** The borrower was reported deceased: collection work stops (interrupting, outcome DECEASED). */
        public static final String BORROWER_DECEASED = "BorrowerDeceased";
        /** lost-contact.bpmn started for the loan: the case records it and goes on (non-interrupting). */
        public static final String LOST_CONTACT = "BorrowerLostContact";
        /** lost-contact.bpmn found no borrower and prepared litigation: the case moves to the legal stage. */
        public static final String LOST_BORROWER_LITIGATION = "LostBorrowerLitigationPrepared";
        /** lost-contact.bpmn found the borrower (new contact data): the case records it and goes on with it. */
        public static final String LOST_BORROWER_FOUND = "LostBorrowerFound";

        private Messages() {
        }
    }

    /** Process variables: ids, flags and small values only. */
    public static final class Vars {
        public static final String LOAN_NO = "loanNo";
        public static final String DPD = "dpd";
        public static final String BUCKET = "bucket";
        public static final String OVERDUE_AMOUNT = "overdueAmount";
        /** How the case ended: CURED, WRITTEN_OFF, DECEASED (recorded on collection_case.outcome). */
        public static final String CASE_OUTCOME = "caseOutcome";

        // case data set by the preparation steps (B1)
        public static final String PRODUCT = "product";
        public static final String BORROWER_NAME = "borrowerName";
        /**
         * The borrower's contact data only masked ({@code 138****8000}): process variables and their history
         * never hold raw PII (F6). Whoever needs the real value reads it by loan number (the audited borrower
         * profile for people, {@code CaseDossierService.contactData} for code).
         */
        public static final String PHONE_MASKED = "phoneMasked";
        public static final String EMAIL_MASKED = "emailMasked";
        public static final String ADDRESS_MASKED = "addressMasked";
        public static final String CONTACT_DATA_VALID = "contactDataValid";
        public static final String CONTACT_DATA_ISSUES = "contactDataIssues";
        public static final String OVERDUE_PRINCIPAL = "overduePrincipal";
        public static final String OVERDUE_INTEREST = "overdueInterest";
        public static final String OVERDUE_PENALTY = "overduePenalty";
        public static final String PAYOFF_AMOUNT = "payoffAmount";
        public static final String REPAYMENT_HISTORY = "repaymentHistory";
        public static final String LAST_CONTACTS = "lastContacts";

        // strategy inputs (collection-strategy.dmn)
        public static final String STRATEGY_VARIANT = "strategyVariant";
        /** LOW, MEDIUM, HIGH; computed by io.collectflow.risk (processes/risk-grade.dmn). */
        public static final String RISK_GRADE = "riskGrade";
        /** E1: FORGOT, CASH_FLOW, UNEMPLOYMENT, MALICIOUS, OTHER. */
        public static final String OVERDUE_REASON = "overdueReason";
        public static final String BROKEN_PROMISES = "brokenPromises";
        public static final String ESCALATED_FROM = "escalatedFrom";

        // strategy outputs
        /** The stage the case should work: see {@link Stages}. */
        public static final String STAGE = "stage";
        /** The stage the stage sub-process is working right now. */
        public static final String CURRENT_STAGE = "currentStage";
        public static final String CANDIDATE_GROUP = "candidateGroup";
        /** NONE, REMINDER_30, VOICE_60, HANDOVER_90. */
        public static final String CONTACT_PLAN = "contactPlan";
        /** ISO-8601 duration until the next attempt when the borrower did not answer. */
        public static final String RETRY_AFTER = "retryAfter";
        public static final String STRATEGY_STAGE = "strategyStage";
        public static final String STRATEGY_CANDIDATE_GROUP = "strategyCandidateGroup";
        public static final String STRATEGY_RETRY_AFTER = "strategyRetryAfter";
        /**
         * What a re-evaluated strategy does to the case's stage, one of {@link StageChanges}: the answer of
         * {@link CollectionCase#STAGE_CHANGE_DECISION_KEY}, read by Gateway_LaterStage.
         */
        public static final String STRATEGY_STAGE_CHANGE = "strategyStageChange";
        /** The last early-warning step carried out (a contact plan value). */
        public static final String EARLY_WARNING_DONE = "earlyWarningDone";
        public static final String HANDOVER_PREPARED = "handoverPrepared";
        /** True while lost-contact.bpmn runs for the loan (skip trace beside the case); false once it found them. */
        public static final String LOST_CONTACT = "lostContact";
        /**
         * Litigation was prepared against a lost borrower: does the case move to the legal stage? The answer of
         * {@link CollectionCase#LEGAL_HANDOVER_DECISION_KEY}, read by Gateway_HandOverToLegal.
         */
        public static final String HAND_OVER_TO_LEGAL = "handOverToLegal";

        // the call form (call-borrower.form)
        public static final String REACHED = "reached";
        /** PROMISE_TO_PAY, NO_ANSWER, REFUSED, EVASIVE, PLAN_REQUESTED, OTHER. */
        public static final String CALL_OUTCOME = "callOutcome";
        public static final String PROMISE_DATE = "promiseDate";
        public static final String PROMISE_AMOUNT = "promiseAmount";
        public static final String CALL_NOTES = "callNotes";
        public static final String NEXT_FOLLOW_UP = "nextFollowUp";

        // results of a recorded call, read by the gateways
        public static final String CALL_RESULT = "callResult";
        public static final String PROMISE_ID = "promiseId";
        public static final String PROMISE_CHECK_AT = "promiseCheckAt";
        public static final String PROMISE_KEPT = "promiseKept";
        public static final String NEXT_CONTACT_AT = "nextContactAt";
        public static final String FIRST_NO_ANSWER_AT = "firstNoAnswerAt";
        public static final String NO_RESPONSE_ESCALATION_DUE = "noResponseEscalationDue";

        // the visit form (visit-borrower.form)
        /** VISIT or VIDEO. */
        public static final String VISIT_MODE = "visitMode";
        public static final String VISIT_STAFF_1 = "visitStaff1";
        public static final String VISIT_STAFF_2 = "visitStaff2";
        public static final String AUTHORIZATION_LETTER = "authorizationLetter";
        public static final String CONSENT_TO_ENTER = "consentToEnter";
        /** PLAN_CONFIRMED, NOT_MET, ESCALATE. */
        public static final String VISIT_OUTCOME = "visitOutcome";
        /** WRITTEN or ELECTRONIC. */
        public static final String PLAN_CONFIRMATION = "planConfirmation";
        public static final String PLAN_CONFIRMED = "planConfirmed";
        public static final String VISIT_NOTES = "visitNotes";
        public static final String VISIT_RESULT = "visitResult";
        /**
         * WRITTEN or ELECTRONIC: how the borrower confirmed the plan agreed on the last visit (outcome
         * PLAN_CONFIRMED, else removed); presets the proposal's {@code planConfirmation} in repayment-plan.bpmn.
         */
        public static final String NEGOTIATED_PLAN_CONFIRMATION = "negotiatedPlanConfirmation";

        // later stages (call activity outputs)
        public static final String AGENCY_OUTCOME = "agencyOutcome";
        public static final String PLACEMENT_APPROVED = "placementApproved";
        public static final String LEGAL_ACTION = "legalAction";
        public static final String LEGAL_OUTCOME = "legalOutcome";
        public static final String WRITE_OFF_APPROVED = "writeOffApproved";

        private Vars() {
        }
    }

    /** Values of {@link Vars#CASE_OUTCOME} and of collection_case.outcome. */
    public static final class Outcomes {
        public static final String CURED = "CURED";
        public static final String WRITTEN_OFF = "WRITTEN_OFF";
        public static final String DECEASED = "DECEASED";

        private Outcomes() {
        }
    }

    /** Stages the strategy routes a case to, in escalation order. */
    public static final class Stages {
        public static final String FIRST_LINE = "FIRST_LINE";
        public static final String SECOND_LINE = "SECOND_LINE";
        public static final String AGENCY = "AGENCY";
        public static final String LEGAL = "LEGAL";
        public static final String WRITE_OFF = "WRITE_OFF";
        /** The escalatedFrom value of a plain (not escalation) strategy evaluation. */
        public static final String NONE = "NONE";

        private Stages() {
        }
    }

    /** The answers of {@link CollectionCase#STAGE_CHANGE_DECISION_KEY} ({@link Vars#STRATEGY_STAGE_CHANGE}). */
    public static final class StageChanges {
        /** The strategy asks for a later stage: the case moves there. */
        public static final String MOVE = "MOVE";
        /** The strategy asks for the stage the case works: it adopts the new contact rhythm. */
        public static final String SAME = "SAME";
        /** An earlier stage, or no stage yet: nothing changes. */
        public static final String KEEP = "KEEP";

        private StageChanges() {
        }
    }

    /** Ids of the elements tests and operators look for. */
    public static final class Elements {
        public static final String CALL_BORROWER = "Task_CallBorrower";
        /** Call activity of processes/repayment-plan.bpmn (owned by io.collectflow.arrangement). */
        public static final String ARRANGE_REPAYMENT_PLAN = "CallActivity_RepaymentPlan";
        public static final String VISIT_BORROWER = "Task_VisitBorrower";
        /** Call activity of processes/repayment-plan.bpmn for a plan negotiated on a visit (C2, D1). */
        public static final String ARRANGE_NEGOTIATED_PLAN = "CallActivity_NegotiatedPlan";
        public static final String PROMISE_DUE = "Timer_PromiseDue";
        public static final String NEXT_CONTACT = "Timer_NextContact";
        /** Second line's timer before the next visit (the follow-up date, or the strategy's retry). */
        public static final String VISIT_FOLLOW_UP = "Timer_VisitFollowUp";
        public static final String AGENCY_PLACEMENT = "CallActivity_AgencyPlacement";
        public static final String LEGAL_ACTION = "CallActivity_LegalAction";
        public static final String WRITE_OFF_APPROVAL = "CallActivity_WriteOffApproval";
        /**
         * Back from a write-off review that found no ground (and usually from a legal stage that took no action): the
         * case waits the strategy's {@code retryAfter} before the next legal round instead of looping at once.
         */
        public static final String HOLD_BEFORE_NEXT_LEGAL_ROUND = "Timer_HoldBeforeNextLegalRound";
        public static final String STOP_COLLECTION = "Task_StopCollection";
        public static final String COLLECTION_STOPPED = "EndEvent_CollectionStopped";
        public static final String RECORD_LOST_CONTACT = "Task_RecordLostContact";
        public static final String RECORD_BORROWER_FOUND = "Task_RecordBorrowerFound";
        /** After a lost borrower is found: the next call or visit the case waits for is brought forward (C5). */
        public static final String BRING_NEXT_CONTACT_FORWARD = "Task_BringNextContactForward";
        /** Litigation prepared against a lost borrower: the hand-over decision and where the case then goes (C5). */
        public static final String DECIDE_LEGAL_HANDOVER = "Task_DecideLegalHandover";
        /** The strategy re-evaluated on a delinquency change: the stage-change decision and where it leads. */
        public static final String DECIDE_STAGE_CHANGE = "Task_DecideStageChange";
        public static final String STAGE_KEPT = "EndEvent_StageKept";
        public static final String MOVED_TO_LEGAL = "EndEvent_MovedToLegal";
        public static final String STAYS_IN_STAGE = "EndEvent_StaysInStage";

        private Elements() {
        }
    }

    /** The strategy decision (processes/collection-strategy.dmn). */
    public static final String STRATEGY_DECISION_KEY = "collection-strategy";
    /** What a re-evaluated strategy does to the case's stage (processes/strategy-stage-change.dmn). */
    public static final String STAGE_CHANGE_DECISION_KEY = "strategy-stage-change";
    /** Does a lost borrower's case move to legal once litigation is prepared? (lost-borrower-legal-handover.dmn) */
    public static final String LEGAL_HANDOVER_DECISION_KEY = "lost-borrower-legal-handover";
    /** Every automated contact runs through this process (owned by the contact feature). */
    public static final String CONTACT_ATTEMPT_PROCESS_KEY = "contact-attempt";

    private CollectionCase() {
    }
}
