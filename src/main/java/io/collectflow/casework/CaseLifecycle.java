package io.collectflow.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and drives {@code collection-case} instances. Each call runs inside the caller's transaction,
 * which the engine shares (Spring transaction manager), so the case row and the process instance are
 * written together or not at all.
 */
@Service
public class CaseLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLifecycle.class);

    private final RuntimeService runtimeService;
    private final CaseRegistry registry;

    public CaseLifecycle(RuntimeService runtimeService, CaseRegistry registry) {
        this.runtimeService = runtimeService;
        this.registry = registry;
    }

    /** Opens the loan's case: case row (unique per loan while active) plus process instance. */
    public String open(CaseWork work, LocalDate asOf) {
        return openAll(List.of(work), asOf).get(work.loanNo());
    }

    /**
     * Opens the cases of several loans in the caller's transaction: first their case rows (unique per
     * loan while active, so a loan that already has one fails the whole call), then one process
     * instance per loan, then the rows get their instance ids.
     * The case rows are written as one JDBC batch each time. Returns loan number → process instance id.
     */
    public Map<String, String> openAll(List<CaseWork> loans, LocalDate asOf) {
        registry.insertActive(loans, asOf);
        Map<String, String> instances = new LinkedHashMap<>();
        for (CaseWork work : loans) {
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(
                CollectionCase.PROCESS_KEY, work.loanNo(), variables(work));
            instances.put(work.loanNo(), instance.getId());
        }
        registry.attachProcessInstances(instances);
        return instances;
    }

    /** Tells the running case that the loan moved to another bucket. */
    public void bucketChanged(CaseWork work, LocalDate asOf) {
        if (correlate(CollectionCase.Messages.DELINQUENCY_CHANGED, work).isEmpty() && !isRunning(work)) {
            LOG.warn("case {} of loan {} has no running process {}; closing it", work.caseId(), work.loanNo(),
                work.processInstanceId());
            registry.close(work.caseId(), asOf);
            return;
        }
        registry.markNotified(work.caseId(), work.bucket());
    }

    /** Ends the case as cured: the case row first (so the end listener sees it ended), then the process. */
    public void cure(CaseWork work, LocalDate asOf) {
        registry.cure(work.caseId(), asOf);
        if (correlate(CollectionCase.Messages.ARREARS_CLEARED, work).isEmpty()) {
            LOG.warn("loan {} cured but its case process {} was not waiting for {}", work.loanNo(),
                work.processInstanceId(), CollectionCase.Messages.ARREARS_CLEARED);
        }
    }

    /**
     * C6: the borrower of {@code loanNo} was reported deceased, so collection stops on every one of the
     * borrower's cases ({@code BorrowerDeceased} interrupts them). Returns how many cases were stopped.
     */
    public int borrowerDeceased(String loanNo) {
        int stopped = 0;
        for (String processInstanceId : registry.activeCaseInstancesOfBorrowerOf(loanNo)) {
            stopped += runtimeService.createMessageCorrelation(CollectionCase.Messages.BORROWER_DECEASED)
                .processInstanceId(processInstanceId).correlateAllWithResult().size();
        }
        return stopped;
    }

    /** C5: lost-contact.bpmn started for the loan; its running case (if any) records it. True if a case was told. */
    public boolean lostContact(String loanNo) {
        return tellActiveCase(loanNo, CollectionCase.Messages.LOST_CONTACT);
    }

    /**
     * C5: the skip trace found no borrower and litigation was prepared; the loan's running case (if any) proceeds
     * to the legal stage unless it is there or later. True if a case was told.
     */
    public boolean lostBorrowerLitigationPrepared(String loanNo) {
        return tellActiveCase(loanNo, CollectionCase.Messages.LOST_BORROWER_LITIGATION);
    }

    /**
     * C5: the skip trace found the borrower (new contact data in the borrower's record, or the manager's assessment);
     * the loan's running case (if any) records it and goes on collecting with the new data. True if a case was told.
     */
    public boolean lostBorrowerFound(String loanNo) {
        return tellActiveCase(loanNo, CollectionCase.Messages.LOST_BORROWER_FOUND);
    }

    private boolean tellActiveCase(String loanNo, String message) {
        boolean told = false;
        for (String processInstanceId : registry.activeCaseInstanceOf(loanNo)) {
            told |= !runtimeService.createMessageCorrelation(message)
                .processInstanceId(processInstanceId).correlateAllWithResult().isEmpty();
        }
        return told;
    }

    private List<MessageCorrelationResult> correlate(String message, CaseWork work) {
        if (work.processInstanceId() == null) {
            return List.of();
        }
        return runtimeService.createMessageCorrelation(message)
            .processInstanceBusinessKey(work.loanNo())
            .processInstanceId(work.processInstanceId())
            .setVariables(variables(work))
            .correlateAllWithResult();
    }

    private boolean isRunning(CaseWork work) {
        return work.processInstanceId() != null
            && runtimeService.createProcessInstanceQuery().processInstanceId(work.processInstanceId()).count() > 0;
    }

    private static Map<String, Object> variables(CaseWork work) {
        return Variables.createVariables()
            .putValue(CollectionCase.Vars.LOAN_NO, work.loanNo())
            .putValue(CollectionCase.Vars.DPD, work.dpd())
            .putValue(CollectionCase.Vars.BUCKET, work.bucket())
            // a Double: Camunda has no decimal value type, and serialized Java objects are not allowed
            .putValue(CollectionCase.Vars.OVERDUE_AMOUNT, work.overdueAmount().doubleValue());
    }
}
