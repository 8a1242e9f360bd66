package io.collectflow.ops.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * Brings Camunda's tables to the version of the engine jar with its upgrade scripts (patch
 * scripts of the current minor version, then each minor step in order). A no-op on a schema
 * V40 just created. Upgrading Camunda later = a new migration like this one with a higher
 * version number (Flyway runs each version once), see README "Upgrading Camunda".
 */
@FlywayOwnsEngineSchema
public class V41__CamundaEngineUpgrade extends CamundaSchemaMigration {

    @Override
    public String getDescription() {
        return "Camunda engine schema upgrade to the engine jar's version";
    }

    @Override
    void migrate(Connection connection, CamundaSqlScripts scripts, EngineVersion engineVersion) throws SQLException {
        EngineVersion schema = schemaVersion(connection).orElseThrow(() -> new IllegalStateException(
            "Camunda tables missing or without ACT_GE_SCHEMA_LOG: cannot upgrade"));
        if (schema.compareTo(engineVersion) > 0) {
            throw new IllegalStateException("Camunda schema " + schema + " is newer than the engine "
                + engineVersion + ": start a CollectFlow built on that engine version");
        }
        List<Resource> upgrade = scripts.upgradeScripts(schema, engineVersion);
        if (upgrade.isEmpty()) {
            log.info("Camunda schema {} matches the engine {}: nothing to upgrade", schema, engineVersion);
            return;
        }
        log.info("upgrading Camunda schema {} -> {} with {}", schema, engineVersion, describe(upgrade));
        run(connection, upgrade);
    }
}
