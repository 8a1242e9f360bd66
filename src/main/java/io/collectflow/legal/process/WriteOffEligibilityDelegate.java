package io.collectflow.legal.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.legal.CaseBundleService;
import io.collectflow.legal.WriteOffEligibility;
import io.collectflow.legal.WriteOffGround;

/** Which write-off grounds the loan meets, and the balance to write off. */
@Component("writeOffEligibilityDelegate")
public class WriteOffEligibilityDelegate implements JavaDelegate {

    private final WriteOffEligibility eligibility;
    private final CaseBundleService bundles;

    public WriteOffEligibilityDelegate(WriteOffEligibility eligibility, CaseBundleService bundles) {
        this.eligibility = eligibility;
        this.bundles = bundles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String loanNo = (String) execution.getVariable(Vars.LOAN_NO);
        List<WriteOffGround> grounds = eligibility.grounds(loanNo,
            declared((String) execution.getVariable(WriteOffVars.DECLARED_GROUNDS)),
            LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()));
        execution.setVariable(WriteOffVars.ELIGIBLE, !grounds.isEmpty());
        execution.setVariable(WriteOffVars.GROUNDS, grounds.stream().map(Enum::name).collect(Collectors.joining(",")));
        execution.setVariable(WriteOffVars.AMOUNT, bundles.balance(loanNo).doubleValue());
        if (grounds.isEmpty()) {
            execution.setVariable(WriteOffVars.REJECTION_REASON, "no write-off ground met");
        }
    }

    static Set<WriteOffGround> declared(String value) {
        Set<WriteOffGround> declared = EnumSet.noneOf(WriteOffGround.class);
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).map(String::trim).map(WriteOffGround::valueOf).forEach(declared::add);
        }
        return declared;
    }
}
