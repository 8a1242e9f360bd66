package io.collectflow.contact.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;
import io.collectflow.contact.compliance.ComplianceService;

/** Task_CheckCompliance: asks the guard whether the automated contact may happen now (engine time). */
@Component("contactComplianceCheckDelegate")
public class ContactComplianceCheckDelegate implements JavaDelegate {

    private final ComplianceService compliance;
    private final BlockedContactWait wait;

    public ContactComplianceCheckDelegate(ComplianceService compliance, BlockedContactWait wait) {
        this.compliance = compliance;
        this.wait = wait;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String loanNo = (String) execution.getVariable(ContactAttempt.Vars.LOAN_NO);
        Channel channel = Channel.fromCode((String) execution.getVariable(ContactAttempt.Vars.CHANNEL));
        if (execution.getProcessBusinessKey() == null) {
            // a caller that did not pass the business key: the loan number is (Cockpit, message correlation)
            execution.setProcessBusinessKey(loanNo);
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        wait.apply(execution, compliance.check(loanNo, channel, Operator.SYSTEM, now), now);
    }
}
