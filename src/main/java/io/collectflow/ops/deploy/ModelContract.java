package io.collectflow.ops.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.collectflow.arrangement.plan.PlanPolicy;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.priority.WorkPriority;
import io.collectflow.complaint.process.ComplaintProcess;
import io.collectflow.kpi.CaseStagePlugin;
import io.collectflow.risk.RiskRules;

/**
 * What our Java code expects of the models a process owner may change and redeploy: elements found by id, the
 * variables it evaluates a decision table with, and output values a process can act on. A deployment that breaks
 * it is refused ({@link ModelCheckDeployer}) instead of failing silently in running cases.
 */
record ModelContract(Map<String, List<RequiredElement>> requiredElements, Map<String, Set<String>> decisionInputs,
        Map<String, Map<String, Set<String>>> allowedOutputs) {

    /** An element id a process must keep, and what depends on it. */
    record RequiredElement(String id, String usedFor) {
    }

    static ModelContract collectFlow() {
        return new ModelContract(
            Map.of("collection-case", List.of(new RequiredElement(CaseStagePlugin.WORK_STAGE,
                    "the stage history and the KPI recovery by stage (CaseStagePlugin)"),
                    new RequiredElement(CollectionCase.Elements.CALL_BORROWER,
                        "clearing its form's fields once the call is recorded (StageDelegates)"),
                    new RequiredElement(CollectionCase.Elements.VISIT_BORROWER,
                        "clearing its form's fields once the visit is recorded (StageDelegates)")),
                ComplaintProcess.PROCESS_KEY, List.of(
                    new RequiredElement(ComplaintProcess.TASK_REGISTER, "the registration check on completion"),
                    new RequiredElement(ComplaintProcess.TASK_HANDLE, "the decision check on completion"))),
            Map.of(WorkPriority.DECISION_KEY, WorkPriority.INPUTS,
                RiskRules.RISK_GRADE_DECISION, RiskRules.RISK_GRADE_INPUTS,
                RiskRules.OVERDUE_REASON_DECISION, RiskRules.OVERDUE_REASON_INPUTS,
                PlanPolicy.DECISION_KEY, PlanPolicy.INPUTS),
            // write-off-approval.bpmn has a first and a second approval task: no more approvers can be asked
            Map.of("write-off-approval-level", Map.of("approvalsRequired", Set.of("1", "2"))));
    }
}
