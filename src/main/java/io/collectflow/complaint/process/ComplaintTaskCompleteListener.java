package io.collectflow.complaint.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.collectflow.complaint.ComplaintService;
import io.collectflow.complaint.process.ComplaintProcess.Vars;

/**
 * On completing a complaint task: remembers who completed it (for the records) and, on the register and
 * handling tasks, checks the input so Tasklist shows what is wrong instead of the process failing later.
 */
@Component("complaintTaskCompleteListener")
public class ComplaintTaskCompleteListener implements TaskListener {

    private final ComplaintService complaints;

    public ComplaintTaskCompleteListener(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = task.getAssignee();
        if (actor == null) {
            Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            actor = current == null ? null : current.getUserId();
        }
        task.setVariable(Vars.LAST_ACTOR, actor);
        if (ComplaintProcess.TASK_REGISTER.equals(task.getTaskDefinitionKey())) {
            complaints.checkRegistration(ComplaintVariables.registration(task));
        } else if (ComplaintProcess.TASK_HANDLE.equals(task.getTaskDefinitionKey())) {
            complaints.checkDecision(ComplaintVariables.decision(task));
        }
    }
}
