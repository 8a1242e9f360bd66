package io.collectflow.ops.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Creates Camunda's tables with the create scripts of the engine jar on an empty database. A
 * database whose engine tables already exist (created earlier by the engine's schema-update) is
 * left as it is; {@link V41__CamundaEngineUpgrade} then brings it to the engine's version.
 */
@FlywayOwnsEngineSchema
public class V40__CamundaEngineSchema extends CamundaSchemaMigration {

    @Override
    public String getDescription() {
        return "Camunda engine schema (create scripts of the engine jar)";
    }

    @Override
    void migrate(Connection connection, CamundaSqlScripts scripts, EngineVersion engineVersion) throws SQLException {
        if (engineTablesPresent(connection)) {
            log.info("Camunda tables already present: not created again (V41 upgrades them if older)");
            return;
        }
        run(connection, scripts.createScripts());
        log.info("Camunda {} schema created", engineVersion);
    }
}
