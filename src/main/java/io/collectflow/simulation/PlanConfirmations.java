package io.collectflow.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    /** plan process instance → its borrower's answer, decided the first day the plan waits */
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong confirmed = new AtomicLong();

    /** {@code on}: the day the borrower opens the link; null when the borrower never does (or cannot: written). */
    private record Answer(long planId, String loanNo, LocalDate on) {
    }

    PlanConfirmations(RuntimeService runtime, PlanConfirmation confirmation, Borrowers borrowers, Dice dice,
                      JdbcTemplate jdbc) {
        this.runtime = runtime;
        this.confirmation = confirmation;
        this.borrowers = borrowers;
        this.dice = dice;
        this.jdbc = jdbc;
    }

    /**
     * The borrowers who decided to confirm a waiting plan by {@code day} open its link; the {@code workers} work the
     * plans, each loan's on one of them.
     */
    void answer(LocalDate day, LoanWorkers workers) {
        List<EventSubscription> waiting = runtime.createEventSubscriptionQuery().eventType("message")
            .eventName(RepaymentPlanProcess.MESSAGE_PLAN_CONFIRMED).orderByCreated().asc().list();
        workers.runShares(waiting, EventSubscription::getProcessInstanceId,
            (worker, share) -> share.forEach(subscription -> answer(subscription.getProcessInstanceId(), day)));
    }

    private void answer(String processInstanceId, LocalDate day) {
        Answer answer = answers.get(processInstanceId);
        if (answer == null) {
            answer = decide(processInstanceId, day);
            answers.put(processInstanceId, answer);
        }
        if (answer.on() != null && !answer.on().isAfter(day)) {
            answers.put(processInstanceId, new Answer(answer.planId(), answer.loanNo(), null));
            confirm(processInstanceId, answer, day);
        }
    }

    private Answer decide(String processInstanceId, LocalDate day) {
        Map<String, Object> vars = runtime.getVariables(processInstanceId, List.of(RepaymentPlanProcess.Vars.PLAN_ID,
            RepaymentPlanProcess.Vars.LOAN_NO, RepaymentPlanProcess.Vars.CONFIRMATION_LINK));
        long planId = ((Number) vars.get(RepaymentPlanProcess.Vars.PLAN_ID)).longValue();
        String loanNo = (String) vars.get(RepaymentPlanProcess.Vars.LOAN_NO);
        // no link: a written confirmation, which the collector flags when the signed document is in
        boolean confirms = vars.get(RepaymentPlanProcess.Vars.CONFIRMATION_LINK) != null
            && dice.chance(borrowers.behaviour(loanNo).promise(), loanNo, day, "plan-confirm");
        LocalDate on = confirms ? day.plusDays(dice.between(0, 2, loanNo, day, "plan-confirm-delay")) : null;
        return new Answer(planId, loanNo, on);
    }

    private void confirm(String processInstanceId, Answer answer, LocalDate day) {
        String link = (String) runtime.getVariable(processInstanceId, RepaymentPlanProcess.Vars.CONFIRMATION_LINK);
        try {
            confirmation.byToken(link.substring(link.lastIndexOf('/') + 1));
        } catch (PlanTokenException expired) {
            return;
        }
        confirmed.incrementAndGet();
        LocalDate firstDue = jdbc.queryForObject("SELECT first_due_on FROM repayment_plan WHERE id = ?", LocalDate.class,
            answer.planId());
        borrowers.promise(answer.loanNo(), day, firstDue.isAfter(day) ? firstDue : day.plusDays(1));
    }

    /** Plans the borrowers confirmed. */
    long confirmed() {
        return confirmed.get();
    }
}
