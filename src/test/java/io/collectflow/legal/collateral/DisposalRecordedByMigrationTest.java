package io.collectflow.legal.collateral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.legal.LegalTestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V157 on H2 and on a real PostgreSQL: {@code collateral_disposal.recorded_by} is back-filled for disposals recorded
 * before it existed, from the audit trail — the {@code COLLATERAL_DISPOSED} event naming the disposal, else (disposals
 * recorded before that event existed) the one completion of Dispose of collateral for the loan, when the loan has
 * that one disposal only. Anything ambiguous, or only known as "system", stays unknown (NULL).
 */
class DisposalRecordedByMigrationTest {

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
    void oldDisposalsGetWhoRecordedThemFromTheAuditTrail(String database) {
        DataSource dataSource = LegalTestDatabase.of(database, postgres, "disposal-recorded-by");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("156").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String loanNo : new String[] {"L-AUDITED", "L-COMPLETED", "L-TWICE", "L-SYSTEM", "L-NONE", "L_WILD"}) {
            LegalTestDatabase.loan(jdbc, loanNo);
        }
        // audited disposals (COLLATERAL_DISPOSED names the disposal): two on one loan, by different people
        long first = disposal(jdbc, "L-AUDITED");
        long second = disposal(jdbc, "L-AUDITED");
        audit(jdbc, 1, "legal1", "COLLATERAL_DISPOSED", "loan", "L-AUDITED",
            "AUCTION, proceeds 100.00 on 2026-01-05, 1 item (disposal " + first + ")");
        audit(jdbc, 2, "legal2", "COLLATERAL_DISPOSED", "loan", "L-AUDITED",
            "SALE, proceeds 50.00 on 2026-02-05, 1 item (disposal " + second + ")");
        // recorded before COLLATERAL_DISPOSED existed: only the task completion tells who
        long completed = disposal(jdbc, "L-COMPLETED");
        audit(jdbc, 3, "legal3", "TASK_COMPLETE", "task", "t-3",
            "taskDefinitionKey=Task_DisposeCollateral; processInstanceId=p-3; businessKey=L-COMPLETED");
        audit(jdbc, 4, "legal9", "TASK_COMPLETE", "task", "t-4",
            "taskDefinitionKey=Task_FileLawsuit; processInstanceId=p-3; businessKey=L-COMPLETED");
        // two disposals, two completions: which is which cannot be told
        long twiceA = disposal(jdbc, "L-TWICE");
        long twiceB = disposal(jdbc, "L-TWICE");
        audit(jdbc, 5, "legal4", "TASK_COMPLETE", "task", "t-5",
            "taskDefinitionKey=Task_DisposeCollateral; processInstanceId=p-5; businessKey=L-TWICE");
        audit(jdbc, 6, "legal5", "TASK_COMPLETE", "task", "t-6",
            "taskDefinitionKey=Task_DisposeCollateral; processInstanceId=p-6; businessKey=L-TWICE");
        long system = disposal(jdbc, "L-SYSTEM");
        audit(jdbc, 7, "system", "COLLATERAL_DISPOSED", "loan", "L-SYSTEM",
            "SALE, proceeds 1.00 on 2026-01-05, 1 item (disposal " + system + ")");
        long none = disposal(jdbc, "L-NONE");
        // a loan number with a LIKE wildcard must not pick up another loan's completion
        long wild = disposal(jdbc, "L_WILD");
        audit(jdbc, 8, "legal6", "TASK_COMPLETE", "task", "t-8",
            "taskDefinitionKey=Task_DisposeCollateral; processInstanceId=p-8; businessKey=LXWILD");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("157").load().migrate();

        Map<Long, String> expected = new java.util.LinkedHashMap<>();
        expected.put(first, "legal1");
        expected.put(second, "legal2");
        expected.put(completed, "legal3");
        expected.put(twiceA, null);
        expected.put(twiceB, null);
        expected.put(system, null);
        expected.put(none, null);
        expected.put(wild, null);
        expected.forEach((id, who) -> assertThat(jdbc.queryForObject(
            "SELECT recorded_by FROM collateral_disposal WHERE id = ?", String.class, id)).as("disposal %s", id)
            .isEqualTo(who));
    }

    private static long disposal(JdbcTemplate jdbc, String loanNo) {
        jdbc.update("INSERT INTO collateral_disposal (loan_no, method, proceeds, disposed_on, recorded_at) "
            + "VALUES (?, 'SALE', 1.00, DATE '2026-01-05', CURRENT_TIMESTAMP)", loanNo);
        return jdbc.queryForObject("SELECT MAX(id) FROM collateral_disposal", Long.class);
    }

    private static void audit(JdbcTemplate jdbc, long id, String actor, String action, String subjectType,
            String subjectId, String details) {
        jdbc.update("INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, details, "
            + "prev_hash, hash) VALUES (?, CURRENT_TIMESTAMP, ?, ?, ?, ?, ?, 'p', 'h')", id, actor, action, subjectType,
            subjectId, details);
    }
}
