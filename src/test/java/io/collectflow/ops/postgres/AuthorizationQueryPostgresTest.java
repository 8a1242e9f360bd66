package io.collectflow.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
 * The PostgreSQL tuning of authorization-checked task queries on a real PostgreSQL: pooled connections plan
 * with the actual parameters, the statistics on the permission bits exist, and a collector's task count stays
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

    @Test
    void connectionsPlanWithTheirParameters() {
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
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

    private void candidateTasks(String group, int n) {
        IntStream.range(0, n).forEach(i -> {
            Task task = tasks.newTask();
            task.setName(group + " " + i);
            tasks.saveTask(task);
            tasks.addCandidateGroup(task.getId(), group);
        });
    }
}
