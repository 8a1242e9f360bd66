package io.collectflow.kpi;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for the KPI API and browser tests, on its own database (the property
 * below keeps other test classes' loans out; metrics export on for the Prometheus scrape): {@link KpiFixture}, the users manager1 (managers)
 * and collector1, and three completed Tasklist tasks in the engine's history (collector1 1.5 h on
 * 03-10 and 0.5 h on 03-11, collector2 1 h on 03-12 → 3 h).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "collectflow.kpi.test-database=kpi")
@ActiveProfiles("test")
abstract class KpiSpringTestSupport {

    static final String MANAGER = "manager1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    KpiSnapshotService snapshots;

    @BeforeEach
    void portfolioUsersAndTaskHistory() {
        KpiFixture.load(jdbc);
        user(MANAGER, "managers");
        user("collector1", "collectors-l1");
        user("collector2", "collectors-l2");
        if (historyService.createHistoricTaskInstanceQuery().taskAssignee("collector1").count() == 0) {
            completedTask("collector1", "2026-03-10T09:00", "2026-03-10T10:30");
            completedTask("collector1", "2026-03-11T14:00", "2026-03-11T14:30");
            completedTask("collector2", "2026-03-12T09:00", "2026-03-12T10:00");
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void user(String id, String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id);
            identityService.saveUser(user);
            identityService.createMembership(id, groupId);
        }
    }

    private void completedTask(String assignee, String start, String end) {
        try {
            ClockUtil.setCurrentTime(date(start));
            Task task = taskService.newTask();
            task.setName("Call borrower");
            task.setAssignee(assignee);
            taskService.saveTask(task);
            ClockUtil.setCurrentTime(date(end));
            taskService.complete(task.getId());
        } finally {
            ClockUtil.reset();
        }
    }

    private static Date date(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
    }
}
