package io.collectflow.casework.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What second line reports from a home visit or video call (C2, C3): a home visit needs two named,
 * distinct staff with an authorization letter and records whether the borrower consented to them
 * entering; a negotiated plan needs a written or electronic confirmation.
 */
public record VisitReport(String loanNo, String stage, String mode, String staff1, String staff2,
        boolean authorizationLetter, Boolean consentToEnter, String outcome, String planConfirmation,
        boolean planConfirmed, String notes, LocalDate nextFollowUp, String recordedBy) {

    public static final String VISIT = "VISIT";
    public static final String VIDEO = "VIDEO";
    public static final String PLAN_CONFIRMED = "PLAN_CONFIRMED";
    public static final String NOT_MET = "NOT_MET";
    public static final String ESCALATE = "ESCALATE";

    static final Set<String> OUTCOMES = Set.of(PLAN_CONFIRMED, NOT_MET, ESCALATE);
    static final Set<String> CONFIRMATIONS = Set.of("WRITTEN", "ELECTRONIC");

    /**
     * Problems with the report, each naming its form field; empty when the report is complete.
     *
     * @param today the borrower's date now (in the borrower's time zone): a date before it is in the past
     */
    public List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (!VISIT.equals(mode) && !VIDEO.equals(mode)) {
            problems.add("visitMode: choose a home visit or a video call");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            problems.add("visitOutcome: choose one of " + OUTCOMES);
        }
        if (VISIT.equals(mode)) {
            if (blank(staff1) || blank(staff2)) {
                problems.add("visitStaff2: a home visit needs two named staff members");
            } else if (staff1.trim().equalsIgnoreCase(staff2.trim())) {
                problems.add("visitStaff2: the two staff members must be different people");
            }
            if (!authorizationLetter) {
                problems.add("authorizationLetter: staff must carry the authorization letter");
            }
            if (consentToEnter == null) {
                problems.add("consentToEnter: record whether the borrower consented to the visit entering the home");
            }
        }
        if (PLAN_CONFIRMED.equals(outcome)) {
            if (planConfirmation == null || !CONFIRMATIONS.contains(planConfirmation)) {
                problems.add("planConfirmation: a negotiated plan needs a written or electronic confirmation");
            }
            if (!planConfirmed) {
                problems.add("planConfirmed: tick once the borrower's confirmation is on file");
            }
        }
        if (nextFollowUp != null && nextFollowUp.isBefore(today)) {
            problems.add("nextFollowUp: the next follow-up cannot be in the past");
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
