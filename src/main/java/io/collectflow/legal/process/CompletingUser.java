package io.collectflow.legal.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task: the authenticated user (Tasklist and REST authenticate), else the task's assignee. */
final class CompletingUser {

    private CompletingUser() {
    }

    static String of(IdentityService identities, DelegateTask task) {
        Authentication authentication = identities.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
