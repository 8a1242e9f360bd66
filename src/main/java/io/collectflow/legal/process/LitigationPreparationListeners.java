package io.collectflow.legal.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.LitigationPreparation;
import io.collectflow.legal.LitigationPreparationService;
import io.collectflow.security.authz.CompletingUser;

/**
 * Task_PrepareLitigation of lost-contact.bpmn (form prepare-litigation): the claim is proposed from the loan book when
 * the task is created; on completion the preparation is checked (a refusal names the field, the task stays open)
 * and stored on the loan's legal record under who completed the task.
 */
@Configuration
public class LitigationPreparationListeners {

    /** Form fields of prepare-litigation (= variable names). */
    public static final String CLAIM = LitigationPreparation.CLAIM_FIELD;
    public static final String EVIDENCE_CHECKED = LitigationPreparation.EVIDENCE_FIELD;
    public static final String COURT = LitigationPreparation.COURT_FIELD;
    public static final String SERVICE_BY_PUBLICATION = LitigationPreparation.PUBLICATION_FIELD;
    public static final String NOTES = LitigationPreparation.NOTES_FIELD;

    @Bean
    TaskListener litigationClaimListener(LitigationPreparationService preparations) {
        return task -> {
            if (task.getVariable(CLAIM) == null) {
                task.setVariable(CLAIM, preparations.proposedClaim((String) task.getVariable(Vars.LOAN_NO))
                    .doubleValue());
            }
        };
    }

    @Bean
    TaskListener litigationPreparationListener(LitigationPreparationService preparations, IdentityService identities) {
        return task -> preparations.record((String) task.getVariable(Vars.LOAN_NO), task.getProcessInstanceId(),
            LitigationPreparation.of(task.getVariable(CLAIM), task.getVariable(EVIDENCE_CHECKED), task.getVariable(COURT),
                task.getVariable(SERVICE_BY_PUBLICATION), task.getVariable(NOTES)),
            CompletingUser.of(identities, task), ClockUtil.getCurrentTime().toInstant());
    }
}
