package io.collectflow.ops.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: a task query — Tasklist's filter counts and pages, {@code /engine-rest/task}, the
 * {@code TaskService} — is planned with its actual parameters ({@code SET LOCAL plan_cache_mode =
 * force_custom_plan} for the query's transaction), instead of the cached generic plan PostgreSQL switches a
 * prepared statement to after five executions, and with index probes priced as for cached tables
 * ({@code SET LOCAL random_page_cost = 1.1}, see {@link #SET_PAGE_COST}). Camunda's authorization-checked task queries compare
 * permission bits ({@code A.PERMS_ & ? = ?}); a generic plan cannot use the statistics on those expressions
 * ({@link AuthorizationStatistics}), estimates one authorization row and joins every task with every
 * authorization row of the user's groups: a collector's task count grew with the square of the group's tasks
 * (BENCHMARKS.md, "Task query by candidate group"). Only task queries pay for the re-planning: applied to
 * every statement of the pool, it slowed case starts by a third. Off with
 * {@code collectflow.task-query.tune-postgres=false}.
 */
@Component
class TaskQueryPlans extends AbstractProcessEnginePlugin {

    static final String SET_CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";
    /**
     * The task and authorization tables a task query reads are small and hot (cached): an index probe costs about
     * what a sequential page does. At the default 4 the planner preferred joining every task with every
     * authorization row of the group (a materialized scan) for groups up to several thousand tasks: 2.2 s for a
     * count over 4,000 tasks among 20,000 (BENCHMARKS.md).
     */
    static final String SET_PAGE_COST = "SET LOCAL random_page_cost = 1.1";

    private final boolean enabled;

    TaskQueryPlans(@Value("${" + AuthorizationStatistics.ENABLED + ":true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new CustomPlansForTaskQueries());
    }

    static boolean isTaskQuery(Command<?> command) {
        return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
    }

    /** Runs inside the command's transaction and command context, before the query's own statements. */
    static final class CustomPlansForTaskQueries extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (isTaskQuery(command) && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
                Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(SET_CUSTOM_PLANS + "; " + SET_PAGE_COST);
                } catch (SQLException e) {
                    throw new ProcessEngineException("could not plan the task query with its parameters", e);
                }
            }
            return next.execute(command);
        }
    }
}
