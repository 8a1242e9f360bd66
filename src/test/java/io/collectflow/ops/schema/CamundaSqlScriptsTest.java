package io.collectflow.ops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;

class CamundaSqlScriptsTest {

    private final CamundaSqlScripts postgres = new CamundaSqlScripts("postgres");

    @Test
    void mapsJdbcProductNamesToCamundaDatabaseTypes() {
        assertThat(CamundaSqlScripts.databaseType("PostgreSQL")).isEqualTo("postgres");
        assertThat(CamundaSqlScripts.databaseType("H2")).isEqualTo("h2");
        assertThat(CamundaSqlScripts.databaseType("MariaDB")).isEqualTo("mariadb");
        assertThat(CamundaSqlScripts.databaseType("Microsoft SQL Server")).isEqualTo("mssql");
        assertThatThrownBy(() -> CamundaSqlScripts.databaseType("SQLite"))
            .hasMessageContaining("SQLite");
    }

    @Test
    void readsTheEngineVersionFromTheEngineJar() {
        assertThat(CamundaSqlScripts.engineVersion()).isEqualTo(new EngineVersion(7, 24, 0));
    }

    @Test
    void createScriptsRunInTheEnginesOwnOrder() {
        assertThat(names(postgres.createScripts())).containsExactly(
            "activiti.postgres.create.engine.sql",
            "activiti.postgres.create.history.sql",
            "activiti.postgres.create.identity.sql",
            "activiti.postgres.create.case.engine.sql",
            "activiti.postgres.create.case.history.sql",
            "activiti.postgres.create.decision.engine.sql",
            "activiti.postgres.create.decision.history.sql");
    }

    @Test
    void upgradesStepByStepThroughEveryMinorVersion() {
        assertThat(names(postgres.upgradeScripts(EngineVersion.parse("7.22.0"), EngineVersion.parse("7.24.0"))))
            .containsExactly("postgres_engine_7.22_to_7.23.sql", "postgres_engine_7.23_to_7.24.sql");
    }

    @Test
    void appliesTheRemainingPatchScriptsOfTheStartingMinorVersionFirst() {
        assertThat(names(postgres.upgradeScripts(EngineVersion.parse("7.13.4"), EngineVersion.parse("7.15.0"))))
            .containsExactly(
                "postgres_engine_7.13_patch_7.13.4_to_7.13.5_1.sql",
                "postgres_engine_7.13_patch_7.13.4_to_7.13.5_2.sql",
                "postgres_engine_7.13_patch_7.13.5_to_7.13.6.sql",
                "postgres_engine_7.13_to_7.14.sql",
                "postgres_engine_7.14_to_7.15.sql");
    }

    @Test
    void nothingToDoOnTheCurrentVersion() {
        assertThat(postgres.upgradeScripts(EngineVersion.parse("7.24.0"), EngineVersion.parse("7.24.0"))).isEmpty();
    }

    @Test
    void aMissingStepIsAClearError() {
        assertThatThrownBy(() -> postgres.upgradeScripts(EngineVersion.parse("5.9.0"), EngineVersion.parse("7.24.0")))
            .hasMessageContaining("no Camunda upgrade script from 5.9 for database postgres");
    }

    @Test
    void parsesSchemaLogVersions() {
        assertThat(EngineVersion.parse("7.24.0-ee")).isEqualTo(new EngineVersion(7, 24, 0));
        assertThat(EngineVersion.parse("7.9")).isEqualTo(new EngineVersion(7, 9, 0));
        assertThat(EngineVersion.parse("7.10.0")).isGreaterThan(EngineVersion.parse("7.9.12"));
        assertThatThrownBy(() -> EngineVersion.parse("fox")).hasMessageContaining("fox");
    }

    private static List<String> names(List<Resource> scripts) {
        return scripts.stream().map(Resource::getFilename).toList();
    }
}
