package io.collectflow.casework.stage;

import static io.collectflow.casework.CollectionCase.Vars.LOST_CONTACT;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Delegates of the case's event sub-processes "Borrower deceased" (C6), "Borrower lost" and "Lost borrower found"
 * (C5).
 */
@Configuration
public class InterruptionDelegates {

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
}
