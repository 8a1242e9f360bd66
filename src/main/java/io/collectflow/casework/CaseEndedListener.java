package io.collectflow.casework;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A collection-case instance ended (completed, cancelled, or ended by another path such as a write-off):
 * its case row is closed unless the case lifecycle already ended it (cure), and the case outcome
 * ({@code caseOutcome}: CURED, WRITTEN_OFF, DECEASED) is recorded on it.
 */
@Component
public class CaseEndedListener implements ExecutionListener {

    private final CaseRegistry registry;
    private final Clock clock;

    public CaseEndedListener(CaseRegistry registry, ObjectProvider<Clock> clock) {
        this.registry = registry;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @Override
    public void notify(DelegateExecution execution) {
        registry.closeByProcessInstance(execution.getProcessInstanceId(), LocalDate.now(clock));
        Object outcome = execution.getVariable(CollectionCase.Vars.CASE_OUTCOME);
        if (outcome != null) {
            registry.recordOutcome(execution.getProcessInstanceId(), outcome.toString());
        }
    }
}
