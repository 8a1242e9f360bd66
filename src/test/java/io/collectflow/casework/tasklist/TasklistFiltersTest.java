package io.collectflow.casework.tasklist;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;

/** The Tasklist filters exist after start-up, are shared with everyone and find the stage tasks. */
class TasklistFiltersTest extends CaseProcessTestSupport {

    @Autowired FilterService filterService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TasklistFilters filters;
    @Autowired IdentityService identityService;

    @Test
    void filtersAreCreatedOnceAndShared() {
        filters.createMissingFilters();

        for (String name : new String[] {"My tasks", "First line", "Second line", "Approvals", "Legal", "Complaints",
                "My groups"}) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(filter).as(name).isNotNull();
            assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).userIdIn(Authorization.ANY).count()).as(name + " shared").isEqualTo(1);
        }
    }

    @Test
    void firstAndSecondLineFiltersListTheirStageTasks() {
        String firstLoan = fixtures.loan(10, today());
        ProcessInstance first = startCase(firstLoan, 10);
        String secondLoan = fixtures.loan(100, today());
        startCase(secondLoan, 100);

        Filter firstLine = filterService.createFilterQuery().filterName("First line").singleResult();
        Filter secondLine = filterService.createFilterQuery().filterName("Second line").singleResult();
        assertThat(filterService.<Task>list(firstLine.getId())).extracting(Task::getProcessInstanceId).contains(first.getId());
        assertThat(filterService.<Task>list(firstLine.getId())).extracting(Task::getTaskDefinitionKey)
            .doesNotContain("Task_VisitBorrower");
        assertThat(filterService.<Task>list(secondLine.getId())).extracting(Task::getTaskDefinitionKey)
            .contains("Task_VisitBorrower").doesNotContain("Task_CallBorrower");
        assertThat(firstLine.getProperties()).containsEntry("refresh", true);
        assertThat(firstLine.getProperties().get("variables").toString()).contains("loanNo");
    }

    @Test
    void complaintOfficersAndAgenciesFindTheTasksOfferedToThem() {
        filters.createMissingFilters();
        Task forAgency = taskService.newTask();
        forAgency.setName("Work placed case (test)");
        taskService.saveTask(forAgency);
        taskService.addCandidateGroup(forAgency.getId(), "agency-zeta");
        Task forComplaints = taskService.newTask();
        forComplaints.setName("Register complaint (test)");
        taskService.saveTask(forComplaints);
        taskService.addCandidateGroup(forComplaints.getId(), "complaints");
        Filter myGroups = filterService.createFilterQuery().filterName("My groups").singleResult();
        Filter complaints = filterService.createFilterQuery().filterName("Complaints").singleResult();
        try {
            identityService.setAuthentication("agent-z", List.of("agency-zeta"));
            assertThat(filterService.<Task>list(myGroups.getId())).extracting(Task::getId)
                .contains(forAgency.getId()).doesNotContain(forComplaints.getId());
            identityService.setAuthentication("complaints-z", List.of("complaints"));
            assertThat(filterService.<Task>list(myGroups.getId())).extracting(Task::getId).contains(forComplaints.getId());
            assertThat(filterService.<Task>list(complaints.getId())).extracting(Task::getId)
                .contains(forComplaints.getId()).doesNotContain(forAgency.getId());
        } finally {
            identityService.clearAuthentication();
            taskService.deleteTask(forAgency.getId(), true);
            taskService.deleteTask(forComplaints.getId(), true);
        }
    }
}
