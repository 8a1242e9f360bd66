package io.collectflow.casework.stage;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.contact.Channel;
import io.collectflow.contact.process.ContactWindowHintListener;
import io.collectflow.contact.process.ManualContactComplianceListener;

/**
 * The compliance guard on the collectors' own contacts (F1, F4, F2): completing "Call borrower"
 * records a call attempt and completing "Visit or video-call borrower" a visit (a video call counts
 * as a call). The guard must allow the contact now and the notes must be free of prohibited
 * language; otherwise the task stays open with a message saying when contact is allowed again.
 * Allowed contacts go to the contact log, where the frequency caps count them. Both tasks show the
 * guard's verdict for now in {@code complianceHint}, worked out when the task is created and again
 * whenever it is claimed or assigned.
 */
@Configuration
public class CaseContactCompliance {

    private static final String VIDEO_CALL = "VIDEO";

    @Bean
    TaskListener callComplianceListener(ManualContactComplianceListener guard) {
        return task -> guard.check(task, true, "call", (String) task.getVariable(Vars.CALL_OUTCOME),
            (String) task.getVariable(Vars.CALL_NOTES));
    }

    /**
     * The visit task's {@code complianceHint} (create and assignment): the guard's verdict for a visit now,
     * worded for visiting ("You may visit until 21:00 …", "Visiting is allowed again at …"). The call task
     * uses {@code contactWindowHintListener} itself.
     */
    @Bean
    TaskListener visitWindowHintListener(ContactWindowHintListener hints) {
        return task -> hints.refresh(task, Channel.VISIT);
    }

    @Bean
    TaskListener visitComplianceListener(ManualContactComplianceListener guard) {
        return task -> guard.check(task, true,
            VIDEO_CALL.equals(task.getVariable(Vars.VISIT_MODE)) ? "call" : "visit",
            (String) task.getVariable(Vars.VISIT_OUTCOME), (String) task.getVariable(Vars.VISIT_NOTES));
    }
}
