package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/**
 * The collector's call and visit tasks of a case carry the priority the latest work-priority table gives the case:
 * the shipped one (every task the same) or the example score card a process owner deployed
 * ({@link WorkPriorityDecisionTest#ROLL_TABLE}).
 */
class WorkPriorityProcessTest extends CaseProcessTestSupport {

    @Autowired WorkPriority priority;

    private Deployment scoreCard;

    /** What a process owner does in Modeler: deploy another work-priority.dmn; the next tasks use it. */
    private void deployScoreCard() throws Exception {
        scoreCard = repositoryService.createDeployment().name("work-priority score card")
            .addString("work-priority.dmn", Files.readString(WorkPriorityDecisionTest.ROLL_TABLE)).deploy();
    }

    @AfterEach
    void backToTheShippedTable() {
        if (scoreCard != null) {
            repositoryService.deleteDeployment(scoreCard.getId(), true);
        }
    }

    @Test
    void withTheShippedTableEveryTaskIsEquallyUrgentAndARedeployedTableScoresTheNextOnes() throws Exception {
        ProcessInstance first = startCase(fixtures.loan(35, today()), 35);
        assertThat(singleTask(first, "Task_CallBorrower").getPriority()).isEqualTo(WorkPriority.DEFAULT);
        assertThat(hoursToDue(singleTask(first, "Task_CallBorrower"))).isEqualTo(50);

        deployScoreCard();
        ProcessInstance next = startCase(fixtures.loan(35, today()), 35);

        assertThat(singleTask(next, "Task_CallBorrower").getPriority()).isEqualTo(20);
        assertThat(singleTask(first, "Task_CallBorrower").getPriority()).isEqualTo(WorkPriority.DEFAULT);
    }

    @Test
    void aLargeCaseAboutToRollWithBrokenPromisesComesFirstInTheQueue() throws Exception {
        deployScoreCard();
        ProcessInstance small = startCase(fixtures.loan(35, today()), 35);
        String largeLoan = fixtures.loan(85, today());
        jdbc.update("UPDATE loan SET overdue_amount = 25000 WHERE loan_no = ?", largeLoan);
        ProcessInstance large = startCase(largeLoan, 85, Map.of(Vars.BROKEN_PROMISES, 2));

        Task call = singleTask(small, "Task_CallBorrower");
        Task visit = singleTask(large, "Task_VisitBorrower");

        assertThat(variable(small, Vars.RISK_GRADE)).isEqualTo("LOW");
        assertThat(variable(large, Vars.RISK_GRADE)).isEqualTo("MEDIUM");
        // base 10 + 1,000-4,999.99 overdue 10
        assertThat(call.getPriority()).isEqualTo(20).isEqualTo(expected(small, 35, 1050));
        // base 10 + about to roll into 90+ 20 + 20,000+ overdue 30 + a broken promise 10
        assertThat(visit.getPriority()).isEqualTo(70).isEqualTo(expected(large, 85, 25000));
        assertThat(taskService.createTaskQuery().processInstanceIdIn(small.getId(), large.getId())
            .orderByTaskPriority().desc().list()).extracting(Task::getId).containsExactly(visit.getId(), call.getId());
        // due 100 - points hours after creation: 80 hours for the small case, 30 for the large one
        assertThat(hoursToDue(call)).isEqualTo(80);
        assertThat(hoursToDue(visit)).isEqualTo(30);
    }

    @Test
    void theLoansDaysPastDueOfTheLastScanCountNotTheCaseVariable() throws Exception {
        deployScoreCard();
        // the case's dpd variable changes only with the bucket: it says 30 while the scan has the loan at 55
        String loanNo = fixtures.loan(55, today());
        ProcessInstance pi = startCase(loanNo, 30);

        Task call = singleTask(pi, "Task_CallBorrower");

        assertThat(call.getPriority()).isEqualTo(expected(pi, 55, 1050)).isNotEqualTo(expected(pi, 30, 1050));
    }

    @Test
    void anOpenTaskIsScoredAgainWhenItsCaseRollsIntoTheNextBucket() throws Exception {
        deployScoreCard();
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);
        Task call = singleTask(pi, "Task_CallBorrower");
        assertThat(call.getPriority()).isEqualTo(expected(pi, 45, 1050));

        jdbc.update("UPDATE loan SET dpd = 82, bucket = 'DPD_60_89' WHERE loan_no = ?", loanNo);
        delinquencyChanged(loanNo, 82);

        // still the first line (intensified): the same task, now with the points of 82 days past due
        Task same = singleTask(pi, "Task_CallBorrower");
        assertThat(same.getId()).isEqualTo(call.getId());
        assertThat(same.getPriority()).isEqualTo(expected(pi, 82, 1050)).isGreaterThan(call.getPriority());
        assertThat(hoursToDue(same)).isEqualTo(100 - same.getPriority()).isLessThan(hoursToDue(call));
    }

    /**
     * A task the guard made due later (claimed while calling is blocked: Saturday in Shanghai, so Monday 09:00) keeps
     * that moment when its case rolls into the next bucket and its points rise: before, the re-score set the due date
     * from the creation again, Saturday 22:00, a moment the call could not be made.
     */
    @Test
    void aReScoreNeverMovesADueDateBackBeforeTheGuardsMoment() throws Exception {
        deployScoreCard();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-26T10:00:00+08:00").toInstant()));
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);
        Task call = singleTask(pi, "Task_CallBorrower");
        // 20 points: due 80 hours later, Sunday 18:00 in Shanghai
        assertThat(hoursToDue(call)).isEqualTo(100 - call.getPriority()).isEqualTo(80);

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-28T10:00:00+08:00").toInstant()));
        taskService.claim(call.getId(), "collector1");
        OffsetDateTime mondayNine = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");
        assertThat(dueDate(call)).isEqualTo(mondayNine);

        jdbc.update("UPDATE loan SET dpd = 82, bucket = 'DPD_60_89' WHERE loan_no = ?", loanNo);
        delinquencyChanged(loanNo, 82);

        Task rescored = singleTask(pi, "Task_CallBorrower");
        assertThat(rescored.getPriority()).isEqualTo(expected(pi, 82, 1050)).isGreaterThan(call.getPriority());
        // the new points alone would make it due 60 hours after its creation, Saturday 22:00: the later moment stays
        assertThat(dueDate(call)).isEqualTo(mondayNine);
    }

    /**
     * A task created while contact is blocked is not due before the guard allows it: the large case's visit (70 points,
     * due 30 hours after its creation) opens on a Saturday in Shanghai, so Monday 09:00, not Sunday 16:00 — before, the
     * hint listener ran before the task had its due date and could not move it.
     */
    @Test
    void aTaskCreatedWhileContactIsBlockedIsNotDueBeforeTheGuardAllowsIt() throws Exception {
        deployScoreCard();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-28T10:00:00+08:00").toInstant()));
        String largeLoan = fixtures.loan(85, today());
        jdbc.update("UPDATE loan SET overdue_amount = 25000 WHERE loan_no = ?", largeLoan);
        ProcessInstance large = startCase(largeLoan, 85, Map.of(Vars.BROKEN_PROMISES, 2));

        Task visit = singleTask(large, "Task_VisitBorrower");

        assertThat(visit.getPriority()).isEqualTo(70);
        assertThat(dueDate(visit)).isEqualTo(OffsetDateTime.parse("2026-11-30T09:00:00+08:00"));
    }

    private OffsetDateTime dueDate(Task task) {
        Date due = taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
        return due.toInstant().atOffset(ZoneOffset.ofHours(8));
    }

    private static long hoursToDue(Task task) {
        return Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant()).toHours();
    }

    /** What the deployed table gives the case with the loan's {@code dpd} and {@code overdue} amount. */
    private int expected(ProcessInstance pi, int dpd, double overdue) {
        Object broken = variable(pi, Vars.BROKEN_PROMISES);
        return priority.points(new WorkPriority.Input(dpd, overdue, (String) variable(pi, Vars.RISK_GRADE),
            broken == null ? 0 : ((Number) broken).intValue()));
    }
}
