package io.collectflow.legal.process;

import static io.collectflow.legal.LitigationPreparation.CLAIM_FIELD;
import static io.collectflow.legal.LitigationPreparation.COURT_FIELD;
import static io.collectflow.legal.LitigationPreparation.EVIDENCE_FIELD;
import static io.collectflow.legal.LitigationPreparation.NOTES_FIELD;
import static io.collectflow.legal.LitigationPreparation.PUBLICATION_FIELD;

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
 * and stored on the loan's legal record under who completed the task. The form's keys (= variable names) are
 * {@link LitigationPreparation}'s {@code *_FIELD} constants.
 */
@Configuration
public class LitigationPreparationListeners {

    @Bean
    TaskListener litigationClaimListener(LitigationPreparationService preparations) {
        return task -> {
            if (task.getVariable(CLAIM_FIELD) == null) {
                task.setVariable(CLAIM_FIELD, preparations.proposedClaim((String) task.getVariable(Vars.LOAN_NO))
                    .doubleValue());
            }
        };
    }

    @Bean
    TaskListener litigationPreparationListener(LitigationPreparationService preparations, IdentityService identities) {
        return task -> preparations.record((String) task.getVariable(Vars.LOAN_NO), task.getProcessInstanceId(),
            LitigationPreparation.of(task.getVariable(CLAIM_FIELD), task.getVariable(EVIDENCE_FIELD),
                task.getVariable(COURT_FIELD), task.getVariable(PUBLICATION_FIELD), task.getVariable(NOTES_FIELD)),
            CompletingUser.of(identities, task), ClockUtil.getCurrentTime().toInstant());
    }
}
