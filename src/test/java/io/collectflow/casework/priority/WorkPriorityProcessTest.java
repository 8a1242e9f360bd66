package io.collectflow.casework.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.CollectionCase.Vars;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/** The collector's call and visit tasks of a case carry the priority processes/work-priority.dmn gives the case. */
class WorkPriorityProcessTest extends CaseProcessTestSupport {

    @Autowired WorkPriority priority;

    @Test
    void aLargerLaterCaseWithBrokenPromisesComesFirstInTheQueue() {
        ProcessInstance small = startCase(fixtures.loan(10, today()), 10);
        ProcessInstance large = startCase(fixtures.loan(75, today()), 75,
            Map.of(Vars.OVERDUE_AMOUNT, 25000.0, Vars.BROKEN_PROMISES, 2));

        Task call = singleTask(small, "Task_CallBorrower");
        Task visit = singleTask(large, "Task_VisitBorrower");

        assertThat(variable(small, Vars.RISK_GRADE)).isEqualTo("LOW");
        assertThat(variable(large, Vars.RISK_GRADE)).isEqualTo("MEDIUM");
        // base 10 + 1,000-4,999.99 overdue 10
        assertThat(call.getPriority()).isEqualTo(20).isEqualTo(expected(small));
        // base 10 + 60+ DPD 20 + 20,000+ overdue 30 + medium risk 10 + broken promises 10 + 10
        assertThat(visit.getPriority()).isEqualTo(90).isEqualTo(expected(large));
        assertThat(taskService.createTaskQuery().processInstanceIdIn(small.getId(), large.getId())
            .orderByTaskPriority().desc().list()).extracting(Task::getId).containsExactly(visit.getId(), call.getId());
    }

    @Test
    void aProcessOwnersRedeployedTableScoresTheNextTasks() throws Exception {
        String table = Files.readString(Path.of("processes/work-priority.dmn"))
            .replace("<outputEntry id=\"LiteralExpression_Base_Points\"><text>10</text>",
                "<outputEntry id=\"LiteralExpression_Base_Points\"><text>40</text>");
        Deployment redesign = repositoryService.createDeployment().name("work-priority-redesign")
            .addString("work-priority.dmn", table).deploy();
        try {
            ProcessInstance pi = startCase(fixtures.loan(10, today()), 10);

            assertThat(singleTask(pi, "Task_CallBorrower").getPriority()).isEqualTo(50);
        } finally {
            repositoryService.deleteDeployment(redesign.getId(), true);
        }
    }

    private int expected(ProcessInstance pi) {
        Object grade = variable(pi, Vars.RISK_GRADE);
        Object broken = variable(pi, Vars.BROKEN_PROMISES);
        return priority.points(new WorkPriority.Input(((Number) variable(pi, Vars.DPD)).intValue(),
            ((Number) variable(pi, Vars.OVERDUE_AMOUNT)).doubleValue(), (String) grade,
            broken == null ? 0 : ((Number) broken).intValue()));
    }
}
