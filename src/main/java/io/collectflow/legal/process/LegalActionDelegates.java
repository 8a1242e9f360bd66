package io.collectflow.legal.process;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.LawyerLetterService;
import io.collectflow.legal.LegalAssessment;

/** Thin delegates of legal-action.bpmn. */
@Configuration
public class LegalActionDelegates {

    public static final String CLAIM = "legalClaimAmount";
    public static final String EXPECTED_RECOVERY = "expectedRecovery";
    public static final String ESTIMATED_COST = "estimatedLegalCost";
    public static final String HAS_COLLATERAL = "hasCollateral";
    public static final String COLLATERAL_VALUE = "collateralValue";
    public static final String LAWYER_LETTER_ID = "lawyerLetterId";

    @Bean
    JavaDelegate legalEstimateDelegate(LegalAssessment assessment) {
        return execution -> {
            LegalAssessment.Estimate estimate = assessment.estimate((String) execution.getVariable(Vars.LOAN_NO));
            execution.setVariable(CLAIM, estimate.claim().doubleValue());
            execution.setVariable(EXPECTED_RECOVERY, estimate.expectedRecovery().doubleValue());
            execution.setVariable(ESTIMATED_COST, estimate.estimatedCost().doubleValue());
            execution.setVariable(COLLATERAL_VALUE, estimate.collateralValue().doubleValue());
            execution.setVariable(HAS_COLLATERAL, estimate.collateralValue().signum() > 0);
        };
    }

    @Bean
    JavaDelegate lawyerLetterDelegate(LawyerLetterService letters) {
        return execution -> execution.setVariable(LAWYER_LETTER_ID, letters.issue(
            (String) execution.getVariable(Vars.LOAN_NO),
            LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault())));
    }

    @Bean
    JavaDelegate collateralDisposalDelegate(LegalAssessment assessment) {
        return execution -> assessment.collateralDisposed((String) execution.getVariable(Vars.LOAN_NO));
    }
}
