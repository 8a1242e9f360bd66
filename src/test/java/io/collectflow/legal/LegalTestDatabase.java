package io.collectflow.legal;

import java.io.IOException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the legal records' migration tests run on — a fresh in-memory H2, or a real PostgreSQL (embedded,
 * started once per test class) — and the loan they record against.
 */
public final class LegalTestDatabase {

    private LegalTestDatabase() {
    }

    /** An embedded PostgreSQL for a test class (stop it with {@code close()}). */
    public static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off").start();
    }

    /** {@code database} "postgres": the class's PostgreSQL; else a new, empty H2 named after {@code name}. */
    public static DataSource of(String database, EmbeddedPostgres postgres, String name) {
        if ("postgres".equals(database)) {
            return postgres.getPostgresDatabase();
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** A loan 400 days past due and its borrower (id "B-" + loan number), in Shanghai. */
    public static void loan(JdbcTemplate jdbc, String loanNo) {
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
