package io.collectflow.arrangement.plan.process;

import static io.collectflow.arrangement.plan.process.RepaymentPlanProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.collectflow.arrangement.plan.InvalidPlanException;
import io.collectflow.arrangement.plan.PlanProperties;
import io.collectflow.arrangement.plan.RepaymentPlanService;
import io.collectflow.casework.stage.ContactTiming;
import io.collectflow.security.authz.CompletingUser;
import io.collectflow.web.InvalidFieldException;

/** Thin delegates of processes/repayment-plan.bpmn: variables in, one service call, variables out. */
@Configuration
public class RepaymentPlanDelegates {

    /** BPMN error of the assessment when the proposal has bad input: back to the collector. */
    static final String ERROR_PLAN_INVALID = "PlanInvalid";
    static final String PLAN_PROBLEMS = "planProblems";
    static final String END_STATUS = "planEndStatus";

    /**
     * The first due date may not lie before the borrower's today (in the borrower's zone, {@link ContactTiming}):
     * installments are the borrower's dates, like a promise's.
     */
    @Bean
    JavaDelegate assessPlanDelegate(RepaymentPlanService plans, ContactTiming timing) {
        return execution -> {
            String loanNo = (String) execution.getVariable(LOAN_NO);
            RepaymentPlanService.PlanRequest request = new RepaymentPlanService.PlanRequest(
                loanNo, (String) execution.getVariable(COLLECTOR),
                decimal(execution, DECLARED_INCOME), decimal(execution, OTHER_DEBTS),
                execution.getVariable(INSTALLMENT_COUNT) == null ? 0 : ((Number) execution.getVariable(INSTALLMENT_COUNT)).intValue(),
                date(execution.getVariable(FIRST_DUE_ON), loanNo, timing), decimal(execution, TOTAL_AMOUNT),
                (String) execution.getVariable(PLAN_CONFIRMATION), (String) execution.getVariable(OVERDUE_REASON));
            try {
                RepaymentPlanService.Proposal p = plans.propose(request, now(), today(loanNo, timing));
                execution.setVariable(PLAN_ID, p.planId());
                execution.setVariable(MAX_AFFORDABLE, p.maxAffordable().doubleValue());
                execution.setVariable(INSTALLMENT_AMOUNT, p.installmentAmount().doubleValue());
                execution.setVariable(AFFORDABLE, p.affordable());
                execution.setVariable(WITHIN_POLICY, p.withinPolicy());
                execution.setVariable(POLICY_NOTE, p.policyNote());
                execution.removeVariable(PLAN_PROBLEMS);
            } catch (InvalidPlanException e) {
                execution.setVariable(PLAN_PROBLEMS, e.getMessage());
                throw new BpmnError(ERROR_PLAN_INVALID, e.getMessage());
            }
        };
    }

    /**
     * Completing the proposal: whoever proposed it becomes the plan's collector, so a refused proposal comes
     * back to them (the task's assignee expression) and the plan records them.
     */
    @Bean
    TaskListener planProposerListener() {
        return task -> {
            if (task.getAssignee() != null) {
                task.getExecution().setVariable(COLLECTOR, task.getAssignee());
            }
        };
    }

    /**
     * Completing the approval: the decision ({@code planApproved}, the form's box: ticked approves, unticked rejects)
     * must be true or false — a completion without it (a REST client) is refused naming the field, where the gateway
     * after the task used to fail on it — and is recorded under who completes the task (the authenticated user,
     * else the assignee), refused when that is nobody or the plan's own collector (four eyes).
     */
    @Bean
    TaskListener planApprovalListener(RepaymentPlanService plans, IdentityService identities) {
        return task -> {
            if (!(task.getVariable(PLAN_APPROVED) instanceof Boolean approved)) {
                throw new InvalidFieldException(PLAN_APPROVED,
                    "tick \"Approve this plan\" to approve it, leave it unticked to reject it (true or false)");
            }
            plans.decide(((Number) task.getVariable(PLAN_ID)).longValue(), CompletingUser.of(identities, task), approved,
                now());
        };
    }

    @Bean
    JavaDelegate requestPlanConfirmationDelegate(RepaymentPlanService plans, PlanProperties properties) {
        return execution -> {
            execution.setVariable(CONFIRMATION_TIMEOUT, properties.confirmationValidity().toString());
            execution.setVariable(CONFIRMATION_LINK, plans.requestConfirmation(planId(execution), now())
                .map(token -> "/api/plans/confirm/" + token).orElse(null));
        };
    }

    /** Each installment is checked when the grace after its due date has ended for the borrower (in their zone). */
    @Bean
    JavaDelegate activatePlanDelegate(RepaymentPlanService plans, PlanProperties properties, ContactTiming timing) {
        return execution -> {
            String loanNo = (String) execution.getVariable(LOAN_NO);
            List<String> checks = plans.activate(planId(execution)).stream()
                .map(i -> timing.dayStarts(loanNo, i.dueOn().plusDays(properties.installmentGrace() + 1L))
                    .atOffset(ZoneOffset.UTC).toString())
                .toList();
            execution.setVariable(INSTALLMENT_CHECKS, checks);
            execution.setVariable(REVIEW_CYCLE, properties.reviewCycle());
        };
    }

    @Bean
    JavaDelegate checkPlanInstallmentDelegate(RepaymentPlanService plans, ContactTiming timing) {
        return execution -> {
            int seq = ((Number) execution.getVariable("loopCounter")).intValue() + 1;
            execution.setVariable(INSTALLMENT_PAID, plans.checkInstallment(planId(execution), seq,
                today((String) execution.getVariable(LOAN_NO), timing)));
        };
    }

    @Bean
    JavaDelegate alertMissedInstallmentDelegate(RepaymentPlanService plans) {
        return execution -> plans.recordMissed(planId(execution),
            ((Number) execution.getVariable("loopCounter")).intValue() + 1, now());
    }

    /** Ends the plan with the status given as the task's input parameter planEndStatus. */
    @Bean
    JavaDelegate endPlanDelegate(RepaymentPlanService plans) {
        return execution -> {
            String status = (String) execution.getVariable(END_STATUS);
            plans.end(planId(execution), status, now());
            execution.setVariable(PLAN_OUTCOME, status);
        };
    }

    private static long planId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PLAN_ID)).longValue();
    }

    private static BigDecimal decimal(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : new BigDecimal(value.toString());
    }

    /** The first due date: a form's text as written, a Date (a REST client's) as its date in the borrower's zone. */
    private static LocalDate date(Object value, String loanNo, ContactTiming timing) {
        if (value instanceof Date d) {
            return timing.borrowersDate(loanNo, d.toInstant());
        }
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString().substring(0, 10));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The borrower's today, whatever the server's zone. */
    private static LocalDate today(String loanNo, ContactTiming timing) {
        return timing.borrowersDate(loanNo, now());
    }
}
