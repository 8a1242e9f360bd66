package io.collectflow.ops.postgres;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL 14+ only: planner statistics on the permission bits that Camunda's authorization checks test
 * ({@code PERMS_ & 2} = READ, {@code PERMS_ & 64} = READ_TASK of a process definition). Without them the
 * planner guesses that 0.5 % of a group's authorization rows match, i.e. a handful although the engine keeps
 * one row per candidate task; it then joins every task with every such row (a nested loop over a
 * materialized scan, no index) and a collector's task count grows with the square of the group's open
 * tasks. With them it looks each task's rows up in {@code ACT_IDX_AUTH_RESOURCE_ID}. Created after start-up
 * (not by Flyway: outside prod the engine creates its tables after our migrations) and kept current by
 * autovacuum's ANALYZE; effective only with custom plans ({@link TaskQueryPlans}). Off with
 * {@code collectflow.task-query.tune-postgres=false}.
 */
@Component
class AuthorizationStatistics {

    static final String NAME = "cf_auth_perms_stx";
    static final String ENABLED = "collectflow.task-query.tune-postgres";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final boolean enabled;

    AuthorizationStatistics(DataSource dataSource, JdbcTemplate jdbc,
            @Value("${" + ENABLED + ":true}") boolean enabled) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        if (!enabled || !postgres()) {
            return;
        }
        try {
            Integer existing = jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?",
                Integer.class, NAME);
            if (existing != null && existing > 0) {
                return;
            }
            jdbc.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
                + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
            jdbc.execute("ANALYZE act_ru_authorization");
            log.info("Created planner statistics {} on ACT_RU_AUTHORIZATION permission bits", NAME);
        } catch (DataAccessException e) {
            log.warn("No planner statistics on ACT_RU_AUTHORIZATION permission bits (PostgreSQL 14+ needed): "
                + "authorization-checked task counts grow with the square of a group's tasks", e);
        }
    }

    private boolean postgres() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase().contains("postgres");
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
