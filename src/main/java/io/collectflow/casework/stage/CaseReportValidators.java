package io.collectflow.casework.stage;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completion checks of the collectors' tasks: a report that is incomplete or contradictory (a
 * promise dated in the past or without a positive amount, a home visit without two distinct named
 * staff, a plan without confirmation) is rejected and the task stays open with the reason. "In the
 * past" is before the borrower's today, in the borrower's time zone ({@link ContactTiming#borrowersDate}), at the
 * moment the report is submitted: the record step after the asynchronous boundary judges it at that same moment.
 */
@Configuration
public class CaseReportValidators {

    @Bean
    TaskListener callReportValidator(CallReportService calls, ContactTiming timing) {
        return task -> calls.validate(CaseForms.call(task, timing), remember(task));
    }

    @Bean
    TaskListener visitReportValidator(VisitReportService visits, ContactTiming timing) {
        return task -> visits.validate(CaseForms.visit(task, timing), remember(task));
    }

    /** Notes who submitted the report and when ({@link CaseForms#REPORTED_AT}); answers that moment. */
    private static Instant remember(DelegateTask task) {
        Instant now = ProcessData.now();
        task.getExecution().setVariable(CaseForms.REPORTED_BY, task.getAssignee());
        task.getExecution().setVariable(CaseForms.REPORTED_AT, ProcessData.toDate(now));
        return now;
    }
}
