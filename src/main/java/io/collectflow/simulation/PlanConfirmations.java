package io.collectflow.simulation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.arrangement.plan.PlanTokenException;
import io.collectflow.arrangement.plan.process.PlanConfirmation;
import io.collectflow.arrangement.plan.process.RepaymentPlanProcess;

/**
 * The borrowers' answers to the repayment plans proposed to them: a plan waiting for the borrower's
 * confirmation is confirmed with the profile's promise chance, 0–2 days after the borrower first sees the link,
 * through the real confirmation link ({@link PlanConfirmation#byToken}, what the public endpoint calls); the
 * others expire. A confirmed plan is paid (the arrears, at the plan's first due date) with the keep chance.
 */
final class PlanConfirmations {

    private final RuntimeService runtime;
    private final PlanConfirmation confirmation;
    private final Borrowers borrowers;
    private final Dice dice;
    private final JdbcTemplate jdbc;
    /** plan id → the day its borrower confirms it, or null when the borrower lets it expire */
    private final Map<Long, LocalDate> answers = new HashMap<>();
    private long confirmed;

    PlanConfirmations(RuntimeService runtime, PlanConfirmation confirmation, Borrowers borrowers, Dice dice,
                      JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.confirmation = confirmation;
        this.borrowers = borrowers;
        this.dice = dice;
        this.jdbc = jdbc;
    }

    /** The borrowers who decided to confirm a waiting plan by {@code day} open its link. */
    void answer(LocalDate day) {
        List<EventSubscription> waiting = runtime.createEventSubscriptionQuery().eventType("message")
            .eventName(RepaymentPlanProcess.MESSAGE_PLAN_CONFIRMED).orderByCreated().asc().list();
        for (EventSubscription subscription : waiting) {
            Map<String, Object> vars = runtime.getVariables(subscription.getProcessInstanceId(), List.of(
                RepaymentPlanProcess.Vars.PLAN_ID, RepaymentPlanProcess.Vars.LOAN_NO,
                RepaymentPlanProcess.Vars.CONFIRMATION_LINK));
            long planId = ((Number) vars.get(RepaymentPlanProcess.Vars.PLAN_ID)).longValue();
            String loanNo = (String) vars.get(RepaymentPlanProcess.Vars.LOAN_NO);
            String link = (String) vars.get(RepaymentPlanProcess.Vars.CONFIRMATION_LINK);
            if (link == null) {
                continue; // a written confirmation: the collector flags the signed document
            }
            LocalDate on = answers.computeIfAbsent(planId, id -> dice.chance(borrowers.profile(loanNo).promise(), loanNo, id,
                "plan-confirm") ? day.plusDays(dice.between(0, 2, loanNo, id, "plan-confirm-delay")) : null);
            if (on != null && !on.isAfter(day)) {
                confirm(planId, loanNo, link.substring(link.lastIndexOf('/') + 1), day);
            }
        }
    }

    private void confirm(long planId, String loanNo, String token, LocalDate day) {
        try {
            confirmation.byToken(token);
        } catch (PlanTokenException expired) {
            answers.put(planId, null);
            return;
        }
        confirmed++;
        LocalDate firstDue = jdbc.queryForObject("SELECT first_due_on FROM repayment_plan WHERE id = ?", LocalDate.class,
            planId);
        borrowers.promise(loanNo, day, firstDue.isAfter(day) ? firstDue : day.plusDays(1));
    }

    /** Plans the borrowers confirmed. */
    long confirmed() {
        return confirmed;
    }
}
