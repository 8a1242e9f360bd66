package io.collectflow.security.authz;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a user task: the authenticated user (Tasklist and REST authenticate), else the task's assignee. */
public final class CompletingUser {

    private CompletingUser() {
    }

    public static String of(IdentityService identities, DelegateTask task) {
        Authentication authentication = identities.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
