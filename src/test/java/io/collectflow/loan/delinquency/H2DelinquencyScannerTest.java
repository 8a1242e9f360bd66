package io.collectflow.loan.delinquency;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The scan's SQL on H2 (the embedded default). */
class H2DelinquencyScannerTest extends DelinquencyScannerContractTest {

    private static JdbcDataSource h2;

    @BeforeAll
    static void migrate() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:scanner-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
    }

    @Override
    DataSource dataSource() {
        return h2;
    }
}
