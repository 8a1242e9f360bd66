package io.collectflow.arrangement.plan.process;

import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.collectflow.arrangement.plan.RepaymentPlanService;

/**
 * A borrower's confirmation reaches the waiting plan process: the plan row and the message
 * correlation commit together, so a link is only used up when the process moved on.
 */
@Component
public class PlanConfirmation {

    private final RepaymentPlanService plans;
    private final RuntimeService runtime;

    public PlanConfirmation(RepaymentPlanService plans, RuntimeService runtime) {
        this.plans = plans;
        this.runtime = runtime;
    }

    @Transactional
    public RepaymentPlanService.ConfirmedPlan byToken(String token) {
        return correlate(plans.confirmByToken(token, now()));
    }

    @Transactional
    public RepaymentPlanService.ConfirmedPlan written(long planId) {
        return correlate(plans.confirmWritten(planId, now()));
    }

    private RepaymentPlanService.ConfirmedPlan correlate(RepaymentPlanService.ConfirmedPlan plan) {
        runtime.createMessageCorrelation(RepaymentPlanProcess.MESSAGE_PLAN_CONFIRMED)
            .processInstanceBusinessKey(plan.loanNo())
            .processInstanceVariableEquals(RepaymentPlanProcess.Vars.PLAN_ID, plan.planId())
            .correlateWithResult();
        return plan;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
