package io.collectflow.contact.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.ContactBlockedException;
import io.collectflow.contact.ManualContactGuard;
import io.collectflow.contact.Operator;
import io.collectflow.contact.OperatorType;
import io.collectflow.contact.compliance.NoteScreening;
import io.collectflow.contact.compliance.ProhibitedLanguageException;
import io.collectflow.security.Roles;

/**
 * Task listener (event complete) for tasks whose form records a call or visit: the note must be clean and,
 * if a contact is claimed, the guard must allow it now; otherwise completing fails with a message saying
 * when contact is allowed again, and the task is then not due before that moment ({@link BlockedTaskDueDate}).
 * An allowed contact is written to the contact log.
 * Wire with {@code <camunda:taskListener event="complete" delegateExpression="${manualContactComplianceListener}"/>}.
 */
@Component("manualContactComplianceListener")
public class ManualContactComplianceListener implements TaskListener {

    private final ManualContactGuard guard;
    private final NoteScreening screening;
    private final IdentityService identityService;
    private final BlockedTaskDueDate dueDates;

    public ManualContactComplianceListener(ManualContactGuard guard, NoteScreening screening,
            IdentityService identityService, BlockedTaskDueDate dueDates) {
        this.guard = guard;
        this.screening = screening;
        this.identityService = identityService;
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateTask task) {
        check(task, Boolean.TRUE.equals(task.getVariable(ManualContact.Vars.CONTACT_MADE)),
            (String) task.getVariable(ManualContact.Vars.CONTACT_CHANNEL),
            (String) task.getVariable(ManualContact.Vars.CONTACT_RESULT),
            (String) task.getVariable(ManualContact.Vars.CONTACT_NOTE));
    }

    /**
     * The same check for a task whose form names its fields differently (the collection case's call
     * and visit forms): the note must be clean; a contact that was made (or attempted) must be allowed
     * by the guard now, and is then written to the contact log.
     */
    public void check(DelegateTask task, boolean contactMade, String channelCode, String result, String note) {
        try {
            screening.requireClean(note);
            if (!contactMade) {
                return;
            }
            String loanNo = (String) task.getVariable(ContactAttempt.Vars.LOAN_NO);
            Channel channel = channelCode == null || channelCode.isBlank() ? Channel.CALL : Channel.fromCode(channelCode);
            long logId = guard.recordManualContact(loanNo, channel, operator(task), ClockUtil.getCurrentTime().toInstant(),
                result, note);
            task.setVariable(ManualContact.Vars.CONTACT_LOG_ID, logId);
        } catch (ContactBlockedException e) {
            if (e.verdict() != null) {
                dueDates.notBeforeAfterRollback(task, e.verdict().verdict().nextAllowedAt());
            }
            throw new ProcessEngineException(e.getMessage(), e);
        } catch (ProhibitedLanguageException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }

    private Operator operator(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            return Operator.SYSTEM;
        }
        boolean agency = identityService.createGroupQuery().groupMember(user).list().stream()
            .anyMatch(g -> Roles.isAgencyGroup(g.getId()));
        return new Operator(user, agency ? OperatorType.AGENCY : OperatorType.COLLECTOR);
    }
}
