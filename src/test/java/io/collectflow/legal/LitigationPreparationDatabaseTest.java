package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.collectflow.security.audit.AuditLog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code litigation_preparation} (V158) on H2 and on a real PostgreSQL: what Prepare litigation captured is stored
 * and read back whole, the loan's latest preparation first and all of them oldest first; a loan without one has none,
 * an unknown loan is refused. Each preparation is an audit event with its essentials.
 */
class LitigationPreparationDatabaseTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = LegalTestDatabase.startPostgres();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPreparationIsStoredAndTheLatestReadBack(String database) {
        DataSource dataSource = LegalTestDatabase.of(database, postgres, "litigation-preparation");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LegalTestDatabase.loan(jdbc, "L-PREPARED");
        LegalTestDatabase.loan(jdbc, "L-PLAIN");
        LitigationPreparationService preparations = new LitigationPreparationService(jdbc,
            new CaseBundleService(jdbc, null), new AuditLog(jdbc, new DataSourceTransactionManager(dataSource),
                Clock.systemUTC()));
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        long first = preparations.record("L-PREPARED", "pi-1",
            LitigationPreparation.of(100, true, "Old court", false, " "), null, yesterday);
        long id = preparations.record("L-PREPARED", "pi-2", LitigationPreparation.of("12800.5", "true",
            "Shanghai Huangpu District People's Court", true, "x".repeat(4000)), "legal1", now);

        LitigationPreparationService.Prepared latest = preparations.latest("L-PREPARED").orElseThrow();
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.preparedBy()).isEqualTo("legal1");
        assertThat(latest.preparedAt()).isEqualTo(now);
        assertThat(latest.preparation()).isEqualTo(new LitigationPreparation(new BigDecimal("12800.50"), true,
            "Shanghai Huangpu District People's Court", true, "x".repeat(4000)));
        assertThat(jdbc.queryForObject("SELECT notes FROM litigation_preparation WHERE process_instance_id = 'pi-1'",
            String.class)).as("blank notes are none").isNull();
        assertThat(preparations.latest("L-PLAIN")).isEmpty();

        assertThat(preparations.forLoan("L-PREPARED")).extracting(LitigationPreparationService.Prepared::id)
            .containsExactly(first, id);
        assertThat(preparations.forLoan("L-PLAIN")).isEmpty();
        assertThatThrownBy(() -> preparations.forLoan("NO-SUCH-LOAN")).isInstanceOf(NoSuchElementException.class);
        assertThat(jdbc.queryForList("SELECT actor || ' ' || subject_type || ' ' || subject_id || ': ' || details"
            + " FROM audit_event WHERE action = 'LITIGATION_FILE_PREPARED' ORDER BY id", String.class)).containsExactly(
                "system loan L-PREPARED: litigation preparation " + first + ": claim 100.00, court Old court,"
                    + " evidence bundle checked, service by publication not asked, process instance pi-1",
                "legal1 loan L-PREPARED: litigation preparation " + id + ": claim 12800.50, court Shanghai Huangpu"
                    + " District People's Court, evidence bundle checked, service by publication asked,"
                    + " process instance pi-2");
    }

}
