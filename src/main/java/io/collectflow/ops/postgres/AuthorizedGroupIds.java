package io.collectflow.ops.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: before every authorization-checked command (each Tasklist and {@code /engine-rest} request of
 * a user who is not an administrator) Camunda reads which groups hold any authorization, to keep only those of
 * the user's groups in its checks — {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}, every row of a
 * table that holds one row per open task and candidate group: 17 ms per command with 100,000 open tasks, more
 * than the collector's page of tasks itself (BENCHMARKS.md, "Task query by candidate group"). This plugin points
 * that statement at {@code authorized-group-ids.xml}, which walks Camunda's index on {@code GROUP_ID_} from one
 * group to the next: one probe per group (0.1 ms), the same groups. Off with
 * {@code collectflow.task-query.tune-postgres=false}.
 */
@Component
class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

    /** Camunda's statement, as the engine names it when it asks for the groups. */
    static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
    static final String INDEX_WALK = "io.collectflow.ops.postgres.AuthorizedGroupIds.selectAuthorizedGroupIdsByIndexWalk";

    private static final String MAPPER = "io/collectflow/ops/postgres/authorized-group-ids.xml";

    private final boolean enabled;

    AuthorizedGroupIds(@Value("${" + AuthorizationStatistics.ENABLED + ":true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled || !"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.hasStatement(INDEX_WALK)) {
            try (InputStream xml = AuthorizedGroupIds.class.getClassLoader().getResourceAsStream(MAPPER)) {
                if (xml == null) {
                    throw new ProcessEngineException("missing " + MAPPER);
                }
                new XMLMapperBuilder(xml, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new ProcessEngineException("could not read " + MAPPER, e);
            }
        }
        // Camunda's mappings for a database type are one map shared by every engine of the JVM: change a copy
        DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
        Map<String, String> mappings = statements.getStatementMappings() == null
            ? new HashMap<>() : new HashMap<>(statements.getStatementMappings());
        mappings.put(CAMUNDA_STATEMENT, INDEX_WALK);
        statements.setStatementMappings(mappings);
    }
}
