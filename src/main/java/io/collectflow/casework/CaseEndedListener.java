package io.collectflow.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.loan.LenderProperties;

/**
 * A collection-case instance ended (completed, cancelled, or ended by another path such as a write-off):
 * its case row is closed unless the case lifecycle already ended it (cure), and the case outcome
 * ({@code caseOutcome}: CURED, WRITTEN_OFF, DECEASED) is recorded on it. The closing day is the lender's date
 * ({@link LenderProperties}) at the engine's now.
 */
@Component
public class CaseEndedListener implements ExecutionListener {

    private final CaseRegistry registry;
    private final LenderProperties lender;

    public CaseEndedListener(CaseRegistry registry, LenderProperties lender) {
        this.registry = registry;
        this.lender = lender;
    }

    @Override
    public void notify(DelegateExecution execution) {
        registry.closeByProcessInstance(execution.getProcessInstanceId(),
            lender.dateAt(ClockUtil.getCurrentTime().toInstant()));
        Object outcome = execution.getVariable(CollectionCase.Vars.CASE_OUTCOME);
        if (outcome != null) {
            registry.recordOutcome(execution.getProcessInstanceId(), outcome.toString());
        }
    }
}
