package io.collectflow.ops.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Base of the Flyway migrations that own Camunda's tables in production
 * ({@code collectflow.ops.engine-schema=flyway}, {@code camunda.bpm.database.schema-update=false}).
 * They run Camunda's own scripts from the engine jar, inside Flyway's transaction, before the
 * process engine starts (see {@code EngineStartupOrder}).
 */
abstract class CamundaSchemaMigration extends BaseJavaMigration {

    protected final Logger log = LoggerFactory.getLogger(getClass());

    @Override
    public final void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        migrate(connection, new CamundaSqlScripts(databaseType(connection)), CamundaSqlScripts.engineVersion());
    }

    abstract void migrate(Connection connection, CamundaSqlScripts scripts, EngineVersion engineVersion)
        throws SQLException;

    static String databaseType(Connection connection) throws SQLException {
        return CamundaSqlScripts.databaseType(connection.getMetaData().getDatabaseProductName());
    }

    static boolean engineTablesPresent(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String table : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The highest version in ACT_GE_SCHEMA_LOG, empty when the engine tables are missing. */
    static Optional<EngineVersion> schemaVersion(Connection connection) throws SQLException {
        if (!engineTablesPresent(connection)) {
            return Optional.empty();
        }
        EngineVersion highest = null;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
            while (rows.next()) {
                EngineVersion version = EngineVersion.parse(rows.getString(1));
                highest = highest == null || version.compareTo(highest) > 0 ? version : highest;
            }
        }
        return Optional.ofNullable(highest);
    }

    void run(Connection connection, List<Resource> scripts) {
        for (Resource script : scripts) {
            log.info("applying Camunda script {}", script.getFilename());
            ScriptUtils.executeSqlScript(connection, new EncodedResource(script, "UTF-8"));
        }
    }

    static String describe(List<Resource> scripts) {
        return scripts.stream().map(Resource::getFilename).toList().toString().toLowerCase(Locale.ROOT);
    }
}
