package io.collectflow.arrangement.plan;

import io.collectflow.web.RefusedActor;

/**
 * A decision on a plan outside policy that the person may not take (four eyes): the manager proposed the plan, or
 * nobody is known to be deciding. Refuses who acts, not what was entered ({@link RefusedActor}: 403 through the engine's
 * REST API); the approval task stays open.
 */
public class PlanApprovalRefusedException extends RuntimeException implements RefusedActor {

    public PlanApprovalRefusedException(String message) {
        super(message);
    }
}
