package io.collectflow.ops.postgres;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
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
 * ({@code SET LOCAL random_page_cost = 1.1}, see {@link #SET_PAGE_COST}); lists and pages of tasks also without
 * parallel workers ({@link #SET_NO_PARALLEL_WORKERS}). Camunda's authorization-checked task queries compare
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
    /**
     * A page of tasks (Tasklist shows 15 to 50) stops after its first rows in creation order; PostgreSQL still
     * plans it with two parallel workers when it expects the authorization join to discard many rows, and
     * starting them cost 6–10 ms of a 3 ms query (BENCHMARKS.md). Counts read the whole group and keep them.
     */
    static final String SET_NO_PARALLEL_WORKERS = "SET LOCAL max_parallel_workers_per_gather = 0";

    private static final Field RESULT_TYPE = resultTypeField();

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

    /** A list, a page or a single task, not a count (a query whose kind cannot be told is treated as a count). */
    static boolean isList(Command<?> command) {
        if (command instanceof AbstractExecuteFilterCmd) {
            return !(command instanceof ExecuteFilterCountCmd);
        }
        if (RESULT_TYPE == null) {
            return false;
        }
        try {
            Object type = RESULT_TYPE.get(command);
            // Camunda's ResultType enum is protected: LIST, LIST_PAGE, SINGLE_RESULT, ..., COUNT
            return type instanceof Enum<?> kind && !"COUNT".equals(kind.name());
        } catch (IllegalAccessException | RuntimeException e) {
            return false;
        }
    }

    /** Camunda keeps whether a query was asked for a list or a count in a protected field. */
    private static Field resultTypeField() {
        try {
            Field field = AbstractQuery.class.getDeclaredField("resultType");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    /** Runs inside the command's transaction and command context, before the query's own statements. */
    static final class CustomPlansForTaskQueries extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (isTaskQuery(command) && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
                Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
                String settings = SET_CUSTOM_PLANS + "; " + SET_PAGE_COST;
                if (isList(command)) {
                    settings += "; " + SET_NO_PARALLEL_WORKERS;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(settings);
                } catch (SQLException e) {
                    throw new ProcessEngineException("could not plan the task query with its parameters", e);
                }
            }
            return next.execute(command);
        }
    }
}
