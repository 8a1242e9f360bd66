package io.collectflow.legal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.legal.LostContactRegistry;

/**
 * End of lost-contact.bpmn (completed or cancelled): frees the loan's guard row and records the outcome; litigation
 * prepared against a borrower nobody found moves the loan's running case to the legal stage, a borrower found is
 * recorded on it and it goes on collecting (C5).
 */
@Component("lostContactEndedListener")
public class LostContactEndedListener implements ExecutionListener {

    public static final String OUTCOME = "lostContactOutcome";
    /** The outcome of EndEvent_LitigationPrepared. */
    public static final String LITIGATION_PREPARED = "LITIGATION_PREPARED";
    /** The outcome of EndEvent_CollectionResumed: a skip-trace step found new contact data, or the assessment did. */
    public static final String FOUND = "FOUND";

    private final LostContactRegistry registry;
    private final CaseLifecycle cases;

    public LostContactEndedListener(LostContactRegistry registry, CaseLifecycle cases) {
        this.registry = registry;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object outcome = execution.getVariable(OUTCOME);
        // the engine's clock, like the process's other times (a simulated run sets it)
        registry.end(execution.getProcessInstanceId(), outcome == null ? null : outcome.toString(),
            ClockUtil.getCurrentTime().toInstant());
        if (LITIGATION_PREPARED.equals(outcome)) {
            cases.lostBorrowerLitigationPrepared(execution.getProcessBusinessKey());
        } else if (FOUND.equals(outcome)) {
            cases.lostBorrowerFound(execution.getProcessBusinessKey());
        }
    }
}
