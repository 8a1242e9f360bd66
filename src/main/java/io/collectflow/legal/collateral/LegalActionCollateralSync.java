package io.collectflow.legal.collateral;

import java.math.BigDecimal;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.LegalAssessment;
import io.collectflow.legal.process.LegalActionDelegates;

/**
 * Collateral registered while the loan's legal action is already running still reaches it: the
 * instance's hasCollateral and collateralValue are brought up to date, so Gateway_HasCollateral (after
 * the judgment) takes the disposal path.
 */
@Component
public class LegalActionCollateralSync {

    static final String LEGAL_ACTION_PROCESS = "legal-action";

    private final RuntimeService runtime;
    private final LegalAssessment assessment;

    public LegalActionCollateralSync(RuntimeService runtime, LegalAssessment assessment) {
        this.runtime = runtime;
        this.assessment = assessment;
    }

    /** Returns how many running legal actions were updated. */
    public int collateralChanged(String loanNo) {
        BigDecimal held = assessment.collateralValue(loanNo);
        int updated = 0;
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(LEGAL_ACTION_PROCESS)
                .variableValueEquals(Vars.LOAN_NO, loanNo).active().list()) {
            runtime.setVariable(instance.getId(), LegalActionDelegates.COLLATERAL_VALUE, held.doubleValue());
            runtime.setVariable(instance.getId(), LegalActionDelegates.HAS_COLLATERAL, held.signum() > 0);
            updated++;
        }
        return updated;
    }
}
