package io.collectflow.legal.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import io.collectflow.legal.FourEyesViolationException;
import io.collectflow.legal.WriteOffService;
import io.collectflow.security.authz.CompletingUser;
import io.collectflow.web.InvalidFieldException;

/**
 * Four eyes on the approval tasks. On create: the task is offered to the approving group's members
 * except the requester and anyone who already decided. On complete: the decision is recorded under the
 * completing user, and refused (the task stays open) if that user requested the write-off or already decided.
 */
@Component("writeOffApproverListener")
public class WriteOffApproverListener implements TaskListener {

    private final WriteOffService writeOffs;
    private final IdentityService identityService;

    public WriteOffApproverListener(WriteOffService writeOffs, IdentityService identityService) {
        this.writeOffs = writeOffs;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ((Number) task.getVariable(WriteOffVars.REQUEST_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            offerToEligibleApprovers(task, requestId);
            return;
        }
        String decision = (String) task.getVariable(WriteOffVars.DECISION);
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidFieldException(WriteOffVars.DECISION, "choose APPROVE or REJECT");
        }
        Object comment = task.getVariable(WriteOffVars.COMMENT);
        try {
            writeOffs.decide(requestId, approver(task), "APPROVE".equals(decision),
                comment == null ? null : comment.toString());
        } catch (FourEyesViolationException | IllegalArgumentException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }

    private void offerToEligibleApprovers(DelegateTask task, long requestId) {
        String group = (String) task.getVariable(WriteOffVars.APPROVER_GROUP);
        List<String> members = identityService.createUserQuery().memberOfGroup(group).list().stream()
            .map(User::getId).toList();
        List<String> eligible = writeOffs.eligibleApprovers(requestId, members);
        if (!eligible.isEmpty()) {
            task.deleteCandidateGroup(group);
            eligible.forEach(task::addCandidateUser);
        }
    }

    /** The user completing the task (Tasklist and REST authenticate), else the assignee. */
    private String approver(DelegateTask task) {
        return CompletingUser.of(identityService, task);
    }
}
