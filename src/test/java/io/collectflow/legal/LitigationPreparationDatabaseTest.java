package io.collectflow.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code litigation_preparation} (V158) on H2 and on a real PostgreSQL: what Prepare litigation captured is stored
 * and read back whole, the loan's latest preparation first; a loan without one has none.
 */
class LitigationPreparationDatabaseTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aPreparationIsStoredAndTheLatestReadBack(String database) {
        DataSource dataSource = dataSource(database);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        loan(jdbc, "L-PREPARED");
        loan(jdbc, "L-PLAIN");
        LitigationPreparationService preparations = new LitigationPreparationService(jdbc,
            new CaseBundleService(jdbc, null));
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        preparations.record("L-PREPARED", "pi-1", LitigationPreparation.of(100, true, "Old court", false, " "), null,
            yesterday);
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
    }

    private static DataSource dataSource(String database) {
        if ("postgres".equals(database)) {
            return postgres.getPostgresDatabase();
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:litigation-preparation-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static void loan(JdbcTemplate jdbc, String loanNo) {
        jdbc.update("""
            INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone, created_at)
            VALUES (?, 'Li Wei', '110101199001011234', '13800000000', 'li.wei@example.cn', 'Shanghai', 'CN-SH',
                    'Asia/Shanghai', CURRENT_TIMESTAMP)""", "B-" + loanNo);
        jdbc.update("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                              disbursed_on, first_due_on, status, dpd, bucket, overdue_amount, created_at)
            VALUES (?, ?, 'consumer', 12000, 0.05, 0.18, 12, DATE '2025-01-01', DATE '2025-02-01', 'ACTIVE', 400,
                    'DPD_360_PLUS', 1050, CURRENT_TIMESTAMP)""", loanNo, "B-" + loanNo);
    }
}
