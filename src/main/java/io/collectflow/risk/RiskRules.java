package io.collectflow.risk;

import java.util.Set;

/**
 * The decisions process owners maintain in Modeler: processes/risk-grade.dmn and
 * processes/overdue-reason.dmn (implemented on the engine's decision service).
 */
public interface RiskRules {

    String RISK_GRADE_DECISION = "risk-grade";
    String OVERDUE_REASON_DECISION = "overdue-reason";
    /** The variables each table is evaluated with; a table input must use one of them. */
    Set<String> RISK_GRADE_INPUTS = Set.of("score", "malicious");
    Set<String> OVERDUE_REASON_INPUTS = Set.of("reportedReason", "notKeptPromises", "refusals");

    /** LOW, MEDIUM or HIGH. */
    String grade(int score, boolean malicious);

    /** E1 reason and E4 malicious flag from the collector's reports and the promise record. */
    Classification classify(String reportedReason, int notKeptPromises, int refusals);

    record Classification(String overdueReason, boolean malicious) {
    }
}
