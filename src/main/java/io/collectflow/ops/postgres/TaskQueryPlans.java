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
 * prepared statement to after five executions. Camunda's authorization-checked task queries compare
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
                    statement.execute(SET_CUSTOM_PLANS);
                } catch (SQLException e) {
                    throw new ProcessEngineException("could not plan the task query with its parameters", e);
                }
            }
            return next.execute(command);
        }
    }
}
