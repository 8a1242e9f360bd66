package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.*;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.casework.form.DeployedForms;
import io.collectflow.contact.Channel;
import io.collectflow.risk.RiskService;

/** Delegates of first line (calls, promises, flags) and second line (visits). */
@Configuration
public class StageDelegates {

    /** Retry delay when the strategy gives none. */
    static final Duration DEFAULT_RETRY = Duration.ofHours(4);

    @Bean
    JavaDelegate recordCallOutcomeDelegate(CallReportService calls, CaseDossierService dossiers, RiskService risk,
            DeployedForms forms, ContactTiming timing) {
        return execution -> {
            CallReport report = CaseForms.call(execution, timing);
            Instant now = ProcessData.now();
            CallReport.Result result = calls.record(report, CaseForms.reportedAt(execution, now), retryAfter(execution),
                ProcessData.instant(execution, FIRST_NO_ANSWER_AT), now);
            execution.setVariable(CALL_RESULT, report.outcome());
            execution.setVariable(PROMISE_ID, result.promiseId());
            execution.setVariable(PROMISE_CHECK_AT, ProcessData.toDate(result.promiseCheckAt()));
            execution.setVariable(NEXT_CONTACT_AT, ProcessData.toDate(result.nextContactAt()));
            execution.setVariable(FIRST_NO_ANSWER_AT, ProcessData.toDate(result.firstNoAnswerAt()));
            execution.setVariable(NO_RESPONSE_ESCALATION_DUE, result.noResponseEscalationDue());
            execution.setVariable(LAST_CONTACTS, dossiers.lastContacts(report.loanNo()));
            CaseForms.clear(execution, forms.inputKeysOfTask(execution, Elements.CALL_BORROWER));
            rescore(execution, risk, RiskService.CONTACT_RECORDED);
        };
    }

    @Bean
    JavaDelegate checkPromiseDelegate(PromiseService promises, NextContactPlanner planner, RiskService risk) {
        return execution -> {
            Object promiseId = execution.getVariable(PROMISE_ID);
            PromiseService.Check check = promises.check(((Number) promiseId).longValue(), ProcessData.now());
            execution.setVariable(PROMISE_KEPT, check.kept());
            execution.setVariable(BROKEN_PROMISES, check.brokenPromises());
            rescore(execution, risk, RiskService.PROMISE_SETTLED);
            // a kept promise: the next call after the usual delay, when the borrower may be called
            execution.setVariable(NEXT_CONTACT_AT, ProcessData.toDate(
                planner.followUp(PreparationDelegates.loanNo(execution), Channel.CALL, null, ProcessData.now())));
        };
    }

    /** End of *Arrange repayment plan* (a plan requested on a call): the next call when the borrower may be called. */
    @Bean
    ExecutionListener nextCallAfterPlanListener(NextContactPlanner planner) {
        return execution -> afterPlan(execution, planner, Channel.CALL);
    }

    /** End of *Arrange negotiated plan* (a plan agreed on a visit): the next visit when the borrower may be visited. */
    @Bean
    ExecutionListener nextVisitAfterPlanListener(NextContactPlanner planner) {
        return execution -> afterPlan(execution, planner, Channel.VISIT);
    }

    /** A plan that took days or weeks leaves a next contact in the past: without this it would open at once, at night too. */
    private static void afterPlan(DelegateExecution execution, NextContactPlanner planner, Channel channel) {
        if (!execution.isCanceled()) {
            execution.setVariable(NEXT_CONTACT_AT, ProcessData.toDate(planner.afterPlan(PreparationDelegates.loanNo(execution),
                channel, ProcessData.instant(execution, NEXT_CONTACT_AT), ProcessData.now())));
        }
    }

    @Bean
    JavaDelegate flagBorrowerDelegate(EscalationService escalations) {
        return execution -> execution.setVariable("escalationMaterial", escalations.flagBorrower(
            PreparationDelegates.loanNo(execution), ProcessData.string(execution, CALL_RESULT), ProcessData.now()));
    }

    @Bean
    JavaDelegate recordVisitDelegate(VisitReportService visits, RiskService risk, DeployedForms forms,
            ContactTiming timing) {
        return execution -> {
            VisitReport report = CaseForms.visit(execution, timing);
            Instant now = ProcessData.now();
            execution.setVariable(NEXT_CONTACT_AT, ProcessData.toDate(
                visits.record(report, CaseForms.reportedAt(execution, now), retryAfter(execution), now)));
            execution.setVariable(VISIT_RESULT, report.outcome());
            if (VisitReport.PLAN_CONFIRMED.equals(report.outcome())) {
                execution.setVariable(NEGOTIATED_PLAN_CONFIRMATION, report.planConfirmation());
            } else {
                execution.removeVariable(NEGOTIATED_PLAN_CONFIRMATION);
            }
            CaseForms.clear(execution, forms.inputKeysOfTask(execution, Elements.VISIT_BORROWER));
            rescore(execution, risk, RiskService.CONTACT_RECORDED);
        };
    }

    static Duration retryAfter(org.camunda.bpm.engine.delegate.VariableScope scope) {
        String value = ProcessData.string(scope, RETRY_AFTER);
        return value == null ? DEFAULT_RETRY : Duration.parse(value);
    }

    /** E2/E1/E4 after an event: the grade feeds the strategy; a classified reason replaces the dossier's guess. */
    static void rescore(DelegateExecution execution, RiskService risk, String trigger) {
        RiskService.RiskAssessment assessment = risk.assess(PreparationDelegates.loanNo(execution), trigger,
            ProcessData.now());
        execution.setVariable(RISK_GRADE, assessment.grade());
        if (!"OTHER".equals(assessment.overdueReason())) {
            execution.setVariable(OVERDUE_REASON, assessment.overdueReason());
        }
    }
}
