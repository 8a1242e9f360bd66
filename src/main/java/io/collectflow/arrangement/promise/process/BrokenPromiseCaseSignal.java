package io.collectflow.arrangement.promise.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.collectflow.arrangement.promise.PromiseBroken;
import io.collectflow.casework.CollectionCase;

/**
 * A promise the daily settlement found not kept feeds the case flow: the loan's running collection case
 * gets the new brokenPromises, riskGrade and overdueReason (the strategy's inputs) with a
 * {@code DelinquencyChanged} message, so collection-strategy.dmn is evaluated again and may move the case
 * (e.g. a malicious defaulter to a later stage) or change its rhythm. A loan without a running case is
 * left alone (the settled promise and the new score are on file for the next case).
 */
@Component
public class BrokenPromiseCaseSignal {

    private static final Logger LOG = LoggerFactory.getLogger(BrokenPromiseCaseSignal.class);

    private final RuntimeService runtime;

    public BrokenPromiseCaseSignal(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    public void promiseBroken(PromiseBroken event) {
        List<ProcessInstance> cases = runtime.createProcessInstanceQuery()
            .processDefinitionKey(CollectionCase.PROCESS_KEY).processInstanceBusinessKey(event.loanNo()).active().list();
        VariableMap variables = Variables.createVariables()
            .putValue(CollectionCase.Vars.BROKEN_PROMISES, event.notKeptPromises())
            .putValue(CollectionCase.Vars.RISK_GRADE, event.riskGrade());
        // OTHER means "nothing learned": the reason the case already has (dossier or collector) stays
        if (event.overdueReason() != null && !"OTHER".equals(event.overdueReason())) {
            variables.putValue(CollectionCase.Vars.OVERDUE_REASON, event.overdueReason());
        }
        for (ProcessInstance instance : cases) {
            runtime.createMessageCorrelation(CollectionCase.Messages.DELINQUENCY_CHANGED)
                .processInstanceId(instance.getId()).setVariables(variables).correlateWithResult();
            LOG.info("case of loan {} told of a broken promise ({} not kept, grade {}, reason {})", event.loanNo(),
                event.notKeptPromises(), event.riskGrade(), event.overdueReason());
        }
    }
}
