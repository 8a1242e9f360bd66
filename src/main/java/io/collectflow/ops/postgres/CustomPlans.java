package io.collectflow.ops.postgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL only: every pooled connection plans each statement with its actual parameters
 * ({@code plan_cache_mode = force_custom_plan}), instead of switching to a cached generic plan after five
 * executions of a prepared statement. Camunda's authorization-checked queries compare permission bits
 * ({@code A.PERMS_ & ? = ?}); a generic plan cannot use the statistics on those expressions
 * ({@link AuthorizationStatistics}), estimates one authorization row, and joins every task with every
 * authorization row of the user's groups: a collector's task count grew with the square of the group's
 * tasks (BENCHMARKS.md, "Task query by candidate group"). Off with
 * {@code collectflow.task-query.tune-postgres=false}; a connection-init-sql of one's own is kept.
 */
@Component
class CustomPlans implements BeanPostProcessor, EnvironmentAware {

    static final String INIT_SQL = "SET plan_cache_mode = force_custom_plan";

    private static final Logger log = LoggerFactory.getLogger(CustomPlans.class);

    private boolean enabled = true;

    @Override
    public void setEnvironment(Environment environment) {
        enabled = environment.getProperty(AuthorizationStatistics.ENABLED, Boolean.class, true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && hikari.getConnectionInitSql() == null) {
            hikari.setConnectionInitSql(INIT_SQL);
            log.info("PostgreSQL connections of {} plan every statement with its parameters ({})", beanName, INIT_SQL);
        }
        return bean;
    }
}
