package io.collectflow.legal.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.collectflow.legal.LostContactRegistry;

/** End of lost-contact.bpmn (completed or cancelled): frees the loan's guard row and records the outcome. */
@Component("lostContactEndedListener")
public class LostContactEndedListener implements ExecutionListener {

    public static final String OUTCOME = "lostContactOutcome";

    private final LostContactRegistry registry;

    public LostContactEndedListener(LostContactRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object outcome = execution.getVariable(OUTCOME);
        registry.end(execution.getProcessInstanceId(), outcome == null ? null : outcome.toString(), Instant.now());
    }
}
