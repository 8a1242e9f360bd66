package io.collectflow.simulation;

import static io.collectflow.casework.CollectionCase.Vars.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.legal.LitigationPreparation;
import io.collectflow.legal.process.LegalActionDelegates;
import io.collectflow.legal.process.LostContactStarts;

/**
 * What the simulated collectors, managers, agencies and lawyers enter on each user task's form (the form
 * field keys of {@code forms/*.form}), driven by the borrower's {@link BehaviourProfile}. Tasks of other
 * kinds are left open and reported as unhandled.
 */
final class StaffBehaviour {

    /** What staff can see when working a task: the task, its process variables and the day. */
    record Work(Task task, Map<String, Object> vars, LocalDate day, ZoneId zone) {
        String loanNo() {
            Object loanNo = vars.get(LOAN_NO);
            return loanNo == null ? "" : loanNo.toString();
        }

        BigDecimal overdue() {
            Object amount = vars.get(OVERDUE_AMOUNT);
            BigDecimal value = amount instanceof Number n ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ONE;
            return value.signum() > 0 ? value.setScale(2, RoundingMode.UP) : BigDecimal.ONE.setScale(2);
        }

        long ageDays() {
            LocalDate created = task.getCreateTime().toInstant().atZone(zone).toLocalDate();
            return ChronoUnit.DAYS.between(created, day);
        }
    }

    private final Borrowers borrowers;
    private final Dice dice;
    private final JdbcTemplate jdbc;
    private final ZoneId zone;
    private final Map<String, Function<Work, TaskOutcome>> byTask = new HashMap<>();

    StaffBehaviour(Borrowers borrowers, Dice dice, JdbcTemplate jdbc, ZoneId zone) {
        this.zone = zone;
        this.borrowers = borrowers;
        this.dice = dice;
        this.jdbc = jdbc;
        byTask.put("Task_CallBorrower", this::call);
        byTask.put("Task_VisitBorrower", this::visit);
        byTask.put("Task_ProposePlan", this::proposePlan);
        byTask.put("Task_ApprovePlan", this::approvePlan);
        byTask.put("Task_FollowUpMissedInstallment", w -> TaskOutcome.of(vars("keepPlan",
            dice.chance(0.5, w.loanNo(), w.day(), "keep-plan"))));
        byTask.put("Task_ReviewPlan", w -> TaskOutcome.of(vars("planReviewNotes", "Reviewed in the simulation.")));
        byTask.put("Task_ApprovePlacement", w -> TaskOutcome.of(vars("placementScope", "Full arrears",
            PLACEMENT_APPROVED, true, "placementNotes", "Approved in the simulation.")));
        byTask.put("Task_WorkPlacedCase", this::workAgencyCase);
        byTask.put("Task_SuperviseAgency", w -> TaskOutcome.of(vars("misconductFound", false,
            "misconductFinding", "Sample checked, no misconduct.")));
        byTask.put("Task_ReviewAgencyResult", this::reviewAgencyResult);
        byTask.put("Task_SendLawyerLetter", w -> TaskOutcome.of(vars("letterTracking", "SIM-" + w.loanNo()),
            () -> borrowers.underPressure(w.loanNo(), w.day())));
        byTask.put("Task_FileLawsuit", w -> TaskOutcome.of(vars(LegalActionDelegates.COURT_CASE_NO, "SIM-" + w.loanNo(),
            LegalActionDelegates.LAWSUIT_FILED_ON, w.day().toString(), LegalActionDelegates.LAWSUIT_NOTES, "Filed.")));
        byTask.put("Task_AttendHearing", w -> TaskOutcome.of(vars(LegalActionDelegates.HEARING_DATE, w.day().toString(),
            LegalActionDelegates.HEARING_NOTES, "Heard.")));
        byTask.put("Task_RecordJudgment", w -> TaskOutcome.of(vars(LegalActionDelegates.JUDGMENT_DATE,
            w.day().toString(), LegalActionDelegates.JUDGMENT_NOTES, "Judgment for the lender.")));
        byTask.put("Task_PrepareLitigation", this::prepareLitigation);
        byTask.put("Task_DisposeCollateral", w -> TaskOutcome.of(vars("disposalMethod", "AUCTION",
            "disposalProceeds", w.overdue().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN).doubleValue())));
        byTask.put("Task_EnforceJudgment", w -> TaskOutcome.of(vars(LEGAL_OUTCOME,
            dice.chance(0.3, w.loanNo(), "enforce") ? "PARTIALLY_RECOVERED" : "UNRECOVERABLE",
            "legalResultNotes", "Enforcement finished.")));
        byTask.put("Task_FirstApproval", w -> TaskOutcome.of(vars("writeOffDecision", "APPROVE",
            "writeOffComment", "Approved in the simulation.")));
        byTask.put("Task_SecondApproval", w -> TaskOutcome.of(vars("writeOffDecision", "APPROVE",
            "writeOffComment", "Second approval in the simulation.")));
        byTask.put("Task_SkipTraceSystems", w -> TaskOutcome.of(vars(LostContactStarts.SYSTEMS_TRACE_NOTES,
            "No new contact data.", LostContactStarts.NEW_CONTACT_FOUND, false)));
        byTask.put("Task_SkipTraceSharedContacts", w -> TaskOutcome.of(vars(
            LostContactStarts.SHARED_CONTACTS_TRACE_NOTES, "No new contact data.", LostContactStarts.NEW_CONTACT_FOUND, false)));
        byTask.put("Task_AssessLostContact", w -> TaskOutcome.of(vars("assessmentNotes", "Assessed in the simulation.",
            "borrowerFound", dice.chance(0.3, w.loanNo(), "found"))));
        byTask.put("Task_CheckEstate", w -> TaskOutcome.of(vars("estateNotes", "No estate.", "estateExists", false)));
        byTask.put("Task_NotifyHeirs", w -> TaskOutcome.of(vars("heirsNoticeReference", "SIM-" + w.loanNo())));
    }

    boolean handles(String taskKey) {
        return byTask.containsKey(taskKey);
    }

    Work work(Task task, Map<String, Object> vars, LocalDate day) {
        return new Work(task, vars, day, zone);
    }

    TaskOutcome work(Work work) {
        return byTask.get(work.task().getTaskDefinitionKey()).apply(work);
    }

    /** B2–B4: the call; the borrower answers, explains, promises, asks for a plan, refuses or evades. */
    private TaskOutcome call(Work w) {
        String loanNo = w.loanNo();
        LocalDate day = w.day();
        BehaviourProfile p = borrowers.profile(loanNo);
        BehaviourModel.Parameters b = borrowers.behaviour(loanNo);
        Map<String, Object> v = vars(CALL_NOTES, "Called the borrower.");
        if (!dice.chance(b.answer(), loanNo, day, "answer")) {
            v.putAll(vars(REACHED, false, CALL_OUTCOME, "NO_ANSWER"));
            return TaskOutcome.of(v);
        }
        v.putAll(vars(REACHED, true, OVERDUE_REASON, p.overdueReason()));
        if (dice.chance(b.promise(), loanNo, day, "promise")) {
            LocalDate promised = day.plusDays(dice.between(1, 7, loanNo, day, "promise-date"));
            v.putAll(vars(CALL_OUTCOME, "PROMISE_TO_PAY", PROMISE_DATE, promised.toString(),
                PROMISE_AMOUNT, w.overdue().doubleValue()));
            return TaskOutcome.of(v, () -> borrowers.promise(loanNo, day, promised));
        }
        if (dice.chance(b.plan(), loanNo, day, "plan")) {
            v.put(CALL_OUTCOME, "PLAN_REQUESTED");
        } else if (dice.chance(b.refuse(), loanNo, day, "refuse")) {
            v.put(CALL_OUTCOME, dice.chance(0.5, loanNo, day, "evasive") ? "EVASIVE" : "REFUSED");
        } else {
            v.putAll(vars(CALL_OUTCOME, "OTHER", NEXT_FOLLOW_UP, day.plusDays(2).toString()));
        }
        return TaskOutcome.of(v);
    }

    /** C2, C3: a home visit by two named staff, or a video call; a confirmed plan is paid with the keep chance. */
    private TaskOutcome visit(Work w) {
        String loanNo = w.loanNo();
        LocalDate day = w.day();
        BehaviourModel.Parameters b = borrowers.behaviour(loanNo);
        boolean video = dice.chance(0.6, loanNo, day, "video");
        Map<String, Object> v = vars(VISIT_MODE, video ? "VIDEO" : "VISIT", VISIT_STAFF_1, "Sim Visitor A",
            VISIT_STAFF_2, "Sim Visitor B", AUTHORIZATION_LETTER, true, CONSENT_TO_ENTER, !video,
            VISIT_NOTES, "Visited the borrower.", NEXT_FOLLOW_UP, day.plusDays(7).toString());
        boolean met = dice.chance(b.answer(), loanNo, day, "met");
        if (met && dice.chance(b.promise(), loanNo, day, "visit-plan")) {
            LocalDate payOn = day.plusDays(dice.between(3, 10, loanNo, day, "visit-pay"));
            v.putAll(vars(VISIT_OUTCOME, "PLAN_CONFIRMED", PLAN_CONFIRMATION, "ELECTRONIC", PLAN_CONFIRMED, true));
            return TaskOutcome.of(v, () -> borrowers.promise(loanNo, day, payOn));
        }
        v.put(VISIT_OUTCOME, !met && dice.chance(0.25, loanNo, day, "escalate") ? "ESCALATE" : "NOT_MET");
        return TaskOutcome.of(v);
    }

    private TaskOutcome proposePlan(Work w) {
        BehaviourProfile p = borrowers.profile(w.loanNo());
        int income = p == BehaviourProfile.UNEMPLOYED ? 1_500 : 6_000;
        return TaskOutcome.of(vars("declaredIncome", income, "otherDebts", 800, "installmentCount", 6,
            "firstDueOn", w.day().plusDays(7).toString(), OVERDUE_REASON, p.overdueReason(),
            PLAN_CONFIRMATION, "ELECTRONIC"));
    }

    /** The manager approves; the borrower still has to confirm the plan ({@link PlanConfirmations}). */
    private TaskOutcome approvePlan(Work w) {
        return TaskOutcome.of(vars("planApproved", true));
    }

    /** The agency works the case 2–6 weeks; each week the borrower may pay. */
    private TaskOutcome workAgencyCase(Work w) {
        long age = w.ageDays();
        if (age > 0 && age % 7 == 0) {
            borrowers.underPressure(w.loanNo(), w.day());
        }
        if (age < dice.between(14, 42, w.loanNo(), "agency-weeks")) {
            return TaskOutcome.NOT_TODAY;
        }
        return TaskOutcome.of(vars("agencyReport", "Agency worked the case for " + age + " days."));
    }

    private TaskOutcome reviewAgencyResult(Work w) {
        Integer dpd = jdbc.queryForObject("SELECT dpd FROM loan WHERE loan_no = ?", Integer.class, w.loanNo());
        boolean recovered = dpd != null && dpd == 0;
        return TaskOutcome.of(vars("agencyOutcome", recovered ? "RECOVERED" : "RETURNED_UNPAID",
            "agencyAuditNotes", "Reviewed in the simulation."));
    }

    /**
     * Task_PrepareLitigation (lost contact), form prepare-litigation: the claim as proposed (the overdue amount when the
     * loan book owes nothing any more, as a claim must be above 0), bundle checked.
     */
    private TaskOutcome prepareLitigation(Work w) {
        Object proposed = w.vars().get(LitigationPreparation.CLAIM_FIELD);
        double claim = proposed instanceof Number n && n.doubleValue() > 0 ? n.doubleValue()
            : w.overdue().doubleValue();
        return TaskOutcome.of(vars(LitigationPreparation.CLAIM_FIELD, claim, LitigationPreparation.EVIDENCE_FIELD, true,
            LitigationPreparation.COURT_FIELD, "Simulated district court", LitigationPreparation.PUBLICATION_FIELD, true,
            LitigationPreparation.NOTES_FIELD, "Prepared in the simulation."));
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
