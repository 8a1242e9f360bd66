package io.collectflow.legal.process;

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
import io.collectflow.loan.LenderProperties;
import io.collectflow.legal.CaseBundleService;
import io.collectflow.legal.WriteOffEligibility;
import io.collectflow.legal.WriteOffGround;
import io.collectflow.loan.view.LoanViewService;

/**
 * Which write-off grounds the loan meets, and the balance to write off. Whoever starts the approval without the
 * loan's standing (the deceased-borrower path passes only the loan number) gets {@code dpd}, {@code bucket} and
 * {@code overdueAmount} from the loan book here, so the approval form's header is complete; values passed in are kept.
 */
@Component("writeOffEligibilityDelegate")
public class WriteOffEligibilityDelegate implements JavaDelegate {

    private final WriteOffEligibility eligibility;
    private final CaseBundleService bundles;
    private final LoanViewService loans;
    private final LenderProperties lender;

    public WriteOffEligibilityDelegate(WriteOffEligibility eligibility, CaseBundleService bundles,
            LoanViewService loans, LenderProperties lender) {
        this.lender = lender;
        this.eligibility = eligibility;
        this.bundles = bundles;
        this.loans = loans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String loanNo = (String) execution.getVariable(Vars.LOAN_NO);
        completeStanding(execution, loanNo);
        List<WriteOffGround> grounds = eligibility.grounds(loanNo,
            declared((String) execution.getVariable(WriteOffVars.DECLARED_GROUNDS)),
            lender.dateAt(ClockUtil.getCurrentTime().toInstant()));
        execution.setVariable(WriteOffVars.ELIGIBLE, !grounds.isEmpty());
        execution.setVariable(WriteOffVars.GROUNDS, grounds.stream().map(Enum::name).collect(Collectors.joining(",")));
        execution.setVariable(WriteOffVars.AMOUNT, bundles.balance(loanNo).doubleValue());
        if (grounds.isEmpty()) {
            execution.setVariable(WriteOffVars.REJECTION_REASON, "no write-off ground met");
        }
    }

    private void completeStanding(DelegateExecution execution, String loanNo) {
        if (execution.getVariable(Vars.DPD) != null && execution.getVariable(Vars.BUCKET) != null
                && execution.getVariable(Vars.OVERDUE_AMOUNT) != null) {
            return;
        }
        loans.find(loanNo).ifPresent(loan -> {
            setIfMissing(execution, Vars.DPD, loan.dpd());
            setIfMissing(execution, Vars.BUCKET, loan.bucket());
            // a Double, as the case passes it: Camunda has no decimal value type
            setIfMissing(execution, Vars.OVERDUE_AMOUNT,
                loan.overdueAmount() == null ? null : loan.overdueAmount().doubleValue());
        });
    }

    private static void setIfMissing(DelegateExecution execution, String name, Object value) {
        if (execution.getVariable(name) == null && value != null) {
            execution.setVariable(name, value);
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
