package io.collectflow.casework.stage;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completion checks of the collectors' tasks: a report that is incomplete or contradictory (a
 * promise dated in the past or without a positive amount, a home visit without two distinct named
 * staff, a plan without confirmation) is rejected and the task stays open with the reason. "In the
 * past" is before the borrower's today, in the borrower's time zone ({@link ContactTiming#borrowersDate}).
 */
@Configuration
public class CaseReportValidators {

    @Bean
    TaskListener callReportValidator(CallReportService calls) {
        return task -> {
            remember(task);
            calls.validate(CaseForms.call(task), ProcessData.now());
        };
    }

    @Bean
    TaskListener visitReportValidator(VisitReportService visits) {
        return task -> {
            remember(task);
            visits.validate(CaseForms.visit(task), ProcessData.now());
        };
    }

    private static void remember(DelegateTask task) {
        task.getExecution().setVariable(CaseForms.REPORTED_BY, task.getAssignee());
    }
}
