package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.LOST_CONTACT;
import static io.collectflow.casework.CollectionCase.Vars.NEXT_CONTACT_AT;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.casework.CollectionCase.Elements;
import io.collectflow.contact.Channel;

/**
 * Delegates of the case's event sub-processes "Borrower deceased" (C6), "Borrower lost" and "Lost borrower found"
 * (C5; the found borrower's next call or visit is brought forward).
 */
@Configuration
public class InterruptionDelegates {

    /** The timers before the case's next collector contact, and the channel of that contact. */
    private static final Map<String, Channel> NEXT_CONTACT_TIMERS = Map.of(Elements.NEXT_CONTACT, Channel.CALL,
        Elements.VISIT_FOLLOW_UP, Channel.VISIT);

    @Bean
    JavaDelegate stopCollectionDeceasedDelegate(CaseInterruptions interruptions) {
        return execution -> interruptions.stopForDeceased(PreparationDelegates.loanNo(execution),
            execution.getProcessInstanceId(), ProcessData.now());
    }

    @Bean
    JavaDelegate recordLostContactDelegate(CaseInterruptions interruptions) {
        return execution -> {
            interruptions.lostContact(PreparationDelegates.loanNo(execution), ProcessData.now());
            execution.setVariable(LOST_CONTACT, true);
        };
    }

    @Bean
    JavaDelegate recordBorrowerFoundDelegate(CaseInterruptions interruptions) {
        return execution -> {
            interruptions.borrowerFound(PreparationDelegates.loanNo(execution), ProcessData.now());
            execution.setVariable(LOST_CONTACT, false);
        };
    }

    /**
     * *Bring the next contact forward* (C5): when the case waits for its next call ({@code Timer_NextContact}) or visit
     * ({@code Timer_VisitFollowUp}), that contact is planned at the first moment the guard allows it from now, unless
     * it was due sooner ({@link NextContactPlanner#afterFound}); {@code nextContactAt} changes and the waiting timer is
     * evaluated again from it. A case that waits for anything else (an open task, a promise, a plan, a later stage)
     * is left as it is.
     */
    @Bean
    JavaDelegate bringNextContactForwardDelegate(NextContactPlanner planner) {
        return execution -> {
            ManagementService jobs = execution.getProcessEngineServices().getManagementService();
            for (Map.Entry<String, Channel> waiting : NEXT_CONTACT_TIMERS.entrySet()) {
                Job timer = jobs.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
                    .activityId(waiting.getKey()).singleResult();
                if (timer != null) {
                    Instant planned = timer.getDuedate().toInstant();
                    Instant next = planner.afterFound(PreparationDelegates.loanNo(execution), waiting.getValue(), planned,
                        ProcessData.now());
                    if (next.isBefore(planned)) {
                        execution.setVariable(NEXT_CONTACT_AT, ProcessData.toDate(next));
                        jobs.recalculateJobDuedate(timer.getId(), false);
                    }
                }
            }
        };
    }
}
