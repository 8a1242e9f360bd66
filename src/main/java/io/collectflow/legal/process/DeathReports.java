package io.collectflow.legal.process;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.casework.CaseLifecycle;
import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.DeceasedService;
import io.collectflow.legal.LostContactRegistry;

/**
 * C6, all in one transaction: the DECEASED flag (every contact stops at the guard), the message that stops
 * the collection cases of all the borrower's loans, the end of their skip traces, and deceased-borrower.bpmn for the reported loan (once
 * per loan: a repeated report is a duplicate).
 */
@Service
public class DeathReports {

    public static final String PROCESS_KEY = "deceased-borrower";
    public static final String DEATH_EVIDENCE = "deathEvidence";
    public static final String REPORTED_BY = "reportedBy";

    /** What a report did: the new deceased-borrower instance (null for a duplicate) and the cases stopped. */
    public record Outcome(String processInstanceId, boolean duplicate, int casesStopped) {
    }

    private final DeceasedService deceased;
    private final CaseLifecycle cases;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final LostContactRegistry lostContact;

    public DeathReports(DeceasedService deceased, CaseLifecycle cases, RuntimeService runtime, HistoryService history,
                        LostContactRegistry lostContact) {
        this.deceased = deceased;
        this.lostContact = lostContact;
        this.cases = cases;
        this.runtime = runtime;
        this.history = history;
    }

    @Transactional
    public Outcome report(String loanNo, String evidence, String reportedBy) {
        deceased.markDeceased(loanNo, evidence, reportedBy);
        int stopped = cases.borrowerDeceased(loanNo);
        // nobody is to be traced or asked about a deceased borrower (F2): running skip traces end
        lostContact.runningOfBorrowerOf(loanNo)
            .forEach(id -> runtime.deleteProcessInstance(id, "borrower reported deceased"));
        // running or finished: history holds both (history level full)
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(loanNo).count() > 0) {
            return new Outcome(null, true, stopped);
        }
        String id = runtime.startProcessInstanceByKey(PROCESS_KEY, loanNo,
            Map.of(Vars.LOAN_NO, loanNo, DEATH_EVIDENCE, evidence, REPORTED_BY, reportedBy)).getId();
        return new Outcome(id, false, stopped);
    }
}
