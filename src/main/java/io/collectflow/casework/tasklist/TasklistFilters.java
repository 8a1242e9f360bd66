package io.collectflow.casework.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every collector, manager and lawyer starts with, created at start-up when
 * missing (an edited filter is left as it is) and readable by every user when authorization is on.
 */
@Component
public class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    public static final String MY_TASKS = "My tasks";
    public static final String FIRST_LINE = "First line";
    public static final String SECOND_LINE = "Second line";
    public static final String APPROVALS = "Approvals";
    public static final String LEGAL = "Legal";
    public static final String COMPLAINTS = "Complaints";
    public static final String MY_GROUPS = "My groups";

    /** The case data shown on every task card. */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
        Map.of("name", "loanNo", "label", "Loan"),
        Map.of("name", "dpd", "label", "DPD"),
        Map.of("name", "overdueAmount", "label", "Overdue"),
        Map.of("name", "borrowerName", "label", "Borrower"));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;

    public TasklistFilters(FilterService filterService, TaskService taskService,
            AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createMissingFilters() {
        ensure(MY_TASKS, -10, "#3c78d8", "Tasks assigned to me",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure(FIRST_LINE, 0, "#6aa84f", "Calls and repayment plans of first-line collectors", groupQuery("collectors-l1"));
        ensure(SECOND_LINE, 10, "#e69138", "Visits and video calls of second-line collectors", groupQuery("collectors-l2"));
        ensure(APPROVALS, 20, "#cc0000", "Placements, write-offs, repayment plans, lost-contact assessments and"
            + " complaint escalations waiting for a manager", groupQuery("managers"));
        ensure(LEGAL, 30, "#674ea7", "Legal assessments and legal actions", groupQuery("legal"));
        ensure(COMPLAINTS, 40, "#3d85c6", "Complaints to register, investigate, decide and answer", groupQuery("complaints"));
        // agencies, senior managers, the committee and any group added later: whatever is offered to one of mine
        ensure(MY_GROUPS, 50, "#999999", "Every task offered to one of my groups",
            taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc());
    }

    private TaskQuery groupQuery(String group) {
        return taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByTaskCreateTime().asc();
    }

    private void ensure(String name, int priority, String color, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", CARD_VARIABLES);
        Filter filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(properties);
        filterService.saveFilter(filter);
        shareWithEveryone(filter.getId());
        log.info("Tasklist filter '{}' created", name);
    }

    private void shareWithEveryone(String filterId) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.setUserId(Authorization.ANY);
        grant.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(grant);
    }
}
