package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.loan.LenderProperties;
import io.collectflow.risk.RiskService;

/** Delegates of the case preparation (B1), the 90+ hand-over (A5) and the cure. */
@Configuration
public class PreparationDelegates {

    @Bean
    JavaDelegate verifyContactDataDelegate(CaseDossierService dossiers) {
        return execution -> {
            CaseDossierService.ContactData data = dossiers.verifyContactData(loanNo(execution), ProcessData.now());
            execution.setVariable(BORROWER_NAME, data.borrowerName());
            // masked only: process variables and their history never hold raw PII (F6)
            execution.setVariables(CaseContactData.variables(data));
            execution.setVariable(PRODUCT, data.product());
        };
    }

    @Bean
    JavaDelegate assembleDossierDelegate(CaseDossierService dossiers, StrategyVariantAssignment variants,
            RiskService risk, LenderProperties lender) {
        return execution -> {
            // the dossier is the lender's record: amounts as of the lender's business date, not the server's
            CaseDossierService.Dossier dossier = dossiers.assemble(loanNo(execution), lender.dateAt(ProcessData.now()));
            execution.setVariable(OVERDUE_PRINCIPAL, ProcessData.toDouble(dossier.overduePrincipal()));
            execution.setVariable(OVERDUE_INTEREST, ProcessData.toDouble(dossier.overdueInterest()));
            execution.setVariable(OVERDUE_PENALTY, ProcessData.toDouble(dossier.overduePenalty()));
            execution.setVariable(PAYOFF_AMOUNT, ProcessData.toDouble(dossier.payoffAmount()));
            execution.setVariable(REPAYMENT_HISTORY, dossier.repaymentHistory());
            execution.setVariable(LAST_CONTACTS, dossier.lastContacts());
            // strategy inputs a starter may already have given
            setIfAbsent(execution, OVERDUE_REASON, dossier.reasonGuess());
            setIfAbsent(execution, RISK_GRADE,
                risk.assess(loanNo(execution), RiskService.CASE_PREPARED, ProcessData.now()).grade());
            setIfAbsent(execution, BROKEN_PROMISES, 0);
            execution.setVariable(STRATEGY_VARIANT, variants.assign(loanNo(execution), ProcessData.string(execution, STRATEGY_VARIANT)));
            setIfAbsent(execution, CURRENT_STAGE, Stages.NONE);
            setIfAbsent(execution, EARLY_WARNING_DONE, EarlyWarningSteps.NONE);
        };
    }

    @Bean
    JavaDelegate prepareHandoverDelegate(EscalationService escalations) {
        return execution -> {
            String summary = escalations.prepareHandover(loanNo(execution), ProcessData.integer(execution, DPD, 0),
                ProcessData.now());
            execution.setVariable(HANDOVER_PREPARED, true);
            execution.setVariable("handoverSummary", summary);
        };
    }

    @Bean
    JavaDelegate recordCureDelegate(EscalationService escalations) {
        return execution -> escalations.recordCure(loanNo(execution), ProcessData.now());
    }

    static String loanNo(DelegateExecution execution) {
        return ProcessData.string(execution, LOAN_NO);
    }

    private static void setIfAbsent(DelegateExecution execution, String name, Object value) {
        if (execution.getVariable(name) == null) {
            execution.setVariable(name, value);
        }
    }
}
