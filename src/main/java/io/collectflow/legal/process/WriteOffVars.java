package io.collectflow.legal.process;

/** Variables of write-off-approval.bpmn (beside loanNo and the case's writeOffApproved). */
public final class WriteOffVars {

    /** In: who asks for the write-off (defaults to "system" when the case escalates by itself). */
    public static final String REQUESTED_BY = "writeOffRequestedBy";
    /** In: grounds found by other work, comma-separated (CONFIRMED_UNRECOVERABLE, DECEASED_NO_ESTATE). */
    public static final String DECLARED_GROUNDS = "writeOffDeclaredGrounds";
    public static final String ELIGIBLE = "writeOffEligible";
    public static final String GROUNDS = "writeOffGrounds";
    /** Balance to write off: the input of write-off-approval-level.dmn. */
    public static final String AMOUNT = "writeOffAmount";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String APPROVALS_REQUIRED = "approvalsRequired";
    public static final String REQUEST_ID = "writeOffRequestId";
    public static final String DOSSIER = "writeOffDossier";
    /** Form: APPROVE or REJECT. */
    public static final String DECISION = "writeOffDecision";
    public static final String COMMENT = "writeOffComment";
    /** Out: the reason a rejected write-off goes back to collection with. */
    public static final String REJECTION_REASON = "writeOffRejectionReason";
    /** Out: the case's gateway reads it. */
    public static final String APPROVED = "writeOffApproved";

    private WriteOffVars() {
    }
}
