package io.collectflow.arrangement.plan.process;

/** Names of processes/repayment-plan.bpmn: key, message, error and variables. */
public final class RepaymentPlanProcess {

    public static final String PROCESS_KEY = "repayment-plan";
    /** Correlated by the token link or the collector's written-confirmation flag (business key = loan number). */
    public static final String MESSAGE_PLAN_CONFIRMED = "PlanConfirmed";
    public static final String ERROR_PLAN_BROKEN = "PlanBroken";

    /** Process variables. */
    public static final class Vars {
        public static final String LOAN_NO = "loanNo";
        public static final String PLAN_ID = "planId";
        /**
         * The collector the proposal task is assigned to: who asked for the plan (passed in by the caller,
         * may be null), then who completed the last proposal; stored on the plan.
         */
        public static final String COLLECTOR = "collector";
        // proposal form (repayment-plan.form)
        public static final String DECLARED_INCOME = "declaredIncome";
        public static final String OTHER_DEBTS = "otherDebts";
        public static final String INSTALLMENT_COUNT = "installmentCount";
        public static final String FIRST_DUE_ON = "firstDueOn";
        public static final String TOTAL_AMOUNT = "planTotalAmount";
        /** ELECTRONIC or WRITTEN. */
        public static final String PLAN_CONFIRMATION = "planConfirmation";
        public static final String OVERDUE_REASON = "overdueReason";
        // assessment
        public static final String MAX_AFFORDABLE = "maxAffordable";
        public static final String INSTALLMENT_AMOUNT = "installmentAmount";
        public static final String AFFORDABLE = "affordable";
        public static final String WITHIN_POLICY = "withinPolicy";
        public static final String POLICY_NOTE = "policyNote";
        // approval form (approve-repayment-plan.form)
        public static final String PLAN_APPROVED = "planApproved";
        // confirmation
        public static final String CONFIRMATION_LINK = "confirmationLink";
        public static final String CONFIRMATION_TIMEOUT = "confirmationTimeout";
        // tracking: one multi-instance element per plan installment (ISO date-time of its check)
        public static final String INSTALLMENT_CHECKS = "installmentChecks";
        public static final String INSTALLMENT_CHECK_AT = "installmentCheckAt";
        public static final String INSTALLMENT_PAID = "installmentPaid";
        public static final String REVIEW_CYCLE = "reviewCycle";
        // missed-installment form (plan-missed-installment.form)
        public static final String KEEP_PLAN = "keepPlan";
        /** COMPLETED, BROKEN, REJECTED, EXPIRED: returned to the collection case. */
        public static final String PLAN_OUTCOME = "planOutcome";

        private Vars() {
        }
    }

    private RepaymentPlanProcess() {
    }
}
