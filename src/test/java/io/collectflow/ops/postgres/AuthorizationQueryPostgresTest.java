package io.collectflow.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.EmbeddedPostgresTestConfig;

/**
 * The PostgreSQL tuning of authorization-checked task queries on a real PostgreSQL: task queries (and only
 * they) are planned with their actual parameters, the statistics on the permission bits exist, and a collector's task count stays
 * exactly the tasks of the collector's group, also past the point where a cached generic plan would be used.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresTestConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationQueryPostgresTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Autowired
    ProcessEngine engine;

    @Test
    void taskQueriesAloneArePlannedWithTheirParameters() {
        String[] seen = new String[3];
        String[] seenByPage = new String[3];
        CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
        TaskQueryImpl query = new TaskQueryImpl(executor) {
            @Override
            public long executeCount(CommandContext context) {
                seen[0] = show(context, "plan_cache_mode");
                seen[1] = show(context, "random_page_cost");
                seen[2] = show(context, "max_parallel_workers_per_gather");
                return super.executeCount(context);
            }

            @Override
            public List<Task> executeList(CommandContext context, Page page) {
                seenByPage[0] = show(context, "plan_cache_mode");
                seenByPage[1] = show(context, "random_page_cost");
                seenByPage[2] = show(context, "max_parallel_workers_per_gather");
                return super.executeList(context, page);
            }
        };
        query.count();
        assertThat(seen).as("a count keeps its parallel workers").containsExactly("force_custom_plan", "1.1", "2");
        query.listPage(0, 15);
        assertThat(seenByPage).as("a page does without").containsExactly("force_custom_plan", "1.1", "0");
        Command<String> planMode = context -> show(context, "plan_cache_mode");
        Command<String> pageCost = context -> show(context, "random_page_cost");
        String otherPlanMode = executor.execute(planMode);
        String otherPageCost = executor.execute(pageCost);
        assertThat(otherPlanMode).as("any other engine command").isEqualTo("auto");
        assertThat(otherPageCost).isEqualTo("4");
        Command<String> parallelWorkers = context -> show(context, "max_parallel_workers_per_gather");
        assertThat(executor.execute(parallelWorkers)).isEqualTo("2");
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).as("the pool").isEqualTo("auto");
    }

    private String show(CommandContext context, String setting) {
        try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void permissionBitsHaveStatistics() {
        assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'act_ru_authorization'::regclass",
            String.class)).contains(AuthorizationStatistics.NAME);
    }

    @Test
    void collectorCountsOnlyTheTasksOfItsGroup() {
        candidateTasks("aqp-l1", 30);
        candidateTasks("aqp-l2", 10);
        identity.setAuthentication("aqp-collector", List.of("aqp-l1"));
        try {
            // more than the five custom plans after which PostgreSQL would switch a prepared statement to a generic plan
            for (int i = 0; i < 12; i++) {
                assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("aqp-l1")).count()).isEqualTo(30);
                assertThat(tasks.createTaskQuery().taskCandidateGroupIn(List.of("aqp-l2")).count()).isZero();
                assertThat(tasks.createTaskQuery().count()).isEqualTo(30);
            }
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void authorizedGroupsAreTheGroupsCamundaWouldRead() {
        candidateTasks("aqp-agency-b", 3);
        candidateTasks("aqp-agency-a", 2);
        Task ownTask = tasks.newTask();
        tasks.saveTask(ownTask);
        tasks.setAssignee(ownTask.getId(), "aqp-user");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIds.CAMUNDA_STATEMENT))
            .isEqualTo(AuthorizedGroupIds.INDEX_WALK);
        List<String> camunda = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbSqlSession()
            .getSqlSession().<String>selectList("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity."
                + AuthorizedGroupIds.CAMUNDA_STATEMENT));
        List<String> walked = configuration.getCommandExecutorTxRequired().execute(context ->
            context.getDbSqlSession().getSqlSession().<String>selectList(AuthorizedGroupIds.INDEX_WALK));
        assertThat(camunda).as("a user's authorization names no group").contains((String) null);
        assertThat(walked).doesNotHaveDuplicates().contains("aqp-agency-a", "aqp-agency-b")
            .containsExactlyInAnyOrderElementsOf(camunda.stream().filter(Objects::nonNull).toList());
        // what the engine does with them: a user's groups without any authorization are left out of its checks
        identity.setAuthentication("aqp-agent", List.of("aqp-agency-a", "aqp-no-grants"));
        try {
            assertThat(tasks.createTaskQuery().taskCandidateGroup("aqp-agency-a").count()).isEqualTo(2);
            assertThat(tasks.createTaskQuery().taskCandidateGroup("aqp-agency-b").count()).isZero();
            assertThat(tasks.createTaskQuery().list()).extracting(Task::getName)
                .containsExactlyInAnyOrder("aqp-agency-a 0", "aqp-agency-a 1");
        } finally {
            identity.clearAuthentication();
        }
    }

    private void candidateTasks(String group, int n) {
        IntStream.range(0, n).forEach(i -> {
            Task task = tasks.newTask();
            task.setName(group + " " + i);
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), group);
        });
    }
}
