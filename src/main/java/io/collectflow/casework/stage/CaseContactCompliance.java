package io.collectflow.casework.stage;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.process.ManualContactComplianceListener;

/**
 * The compliance guard on the collectors' own contacts (F1, F4, F2): completing "Call borrower"
 * records a call attempt and completing "Visit or video-call borrower" a visit (a video call counts
 * as a call). The guard must allow the contact now and the notes must be free of prohibited
 * language; otherwise the task stays open with a message saying when contact is allowed again.
 * Allowed contacts go to the contact log, where the frequency caps count them.
 */
@Configuration
public class CaseContactCompliance {

    private static final String VIDEO_CALL = "VIDEO";

    @Bean
    TaskListener callComplianceListener(ManualContactComplianceListener guard) {
        return task -> guard.check(task, true, "call", (String) task.getVariable(Vars.CALL_OUTCOME),
            (String) task.getVariable(Vars.CALL_NOTES));
    }

    @Bean
    TaskListener visitComplianceListener(ManualContactComplianceListener guard) {
        return task -> guard.check(task, true,
            VIDEO_CALL.equals(task.getVariable(Vars.VISIT_MODE)) ? "call" : "visit",
            (String) task.getVariable(Vars.VISIT_OUTCOME), (String) task.getVariable(Vars.VISIT_NOTES));
    }
}
