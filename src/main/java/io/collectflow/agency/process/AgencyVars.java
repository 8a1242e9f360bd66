package io.collectflow.agency.process;

/** Variables of agency-placement.bpmn (beside loanNo, dpd, overdueAmount and the case's agencyOutcome). */
public final class AgencyVars {

    /** 0..99, drawn per placement: the champion/challenger input of agency-selection.dmn. */
    public static final String CHALLENGER_DRAW = "challengerDraw";
    public static final String PREFERRED_AGENCY = "preferredAgency";
    /** CHAMPION or CHALLENGER. */
    public static final String SELECTION = "agencySelection";
    public static final String AGENCY_QUALIFIED = "agencyQualified";
    public static final String AGENCY_CODE = "agencyCode";
    public static final String AGENCY_NAME = "agencyName";
    /** Candidate group of the agency's task: agency-&lt;code&gt;. */
    public static final String AGENCY_GROUP = "agencyGroup";
    public static final String FEE_PERCENT = "placementFeePercent";
    /** Approval form. */
    public static final String PLACEMENT_APPROVED = "placementApproved";
    public static final String PLACEMENT_SCOPE = "placementScope";
    public static final String PLACEMENT_ID = "placementId";
    /** Date the recall timer fires. */
    public static final String PLACEMENT_EXPIRES_AT = "placementExpiresAt";
    public static final String SUPERVISION_CYCLE = "supervisionCycle";
    public static final String SUPERVISION_SAMPLE = "supervisionSample";
    /** Supervision form. */
    public static final String MISCONDUCT_FOUND = "misconductFound";
    public static final String MISCONDUCT_FINDING = "misconductFinding";
    /** RETURNED, EXPIRED or RECALLED. */
    public static final String PLACEMENT_END = "placementEnd";
    /** Placement status when the placement process was cancelled with the placement still active. */
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String RECOVERED = "agencyRecoveredAmount";
    public static final String COMMISSION = "agencyCommission";
    /** Out to the case: RECOVERED, PARTIALLY_RECOVERED, RETURNED_UNPAID, REJECTED, NO_QUALIFIED_AGENCY. */
    public static final String OUTCOME = "agencyOutcome";
    /** Why placing failed when the agency was no longer eligible (suspended, licence expired, review failed). */
    public static final String NOT_ELIGIBLE_REASON = "agencyNotEligibleReason";
    /** Error code caught by BoundaryEvent_AgencyNotEligible on Task_PlaceWithAgency. */
    public static final String AGENCY_NOT_ELIGIBLE_ERROR = "AGENCY_NOT_ELIGIBLE";

    private AgencyVars() {
    }
}
