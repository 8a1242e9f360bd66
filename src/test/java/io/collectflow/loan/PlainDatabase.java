package io.collectflow.loan;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.security.pii.BorrowerPii;
import io.collectflow.security.pii.PiiCipher;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.loan.payment.PaymentService;

/**
 * Our Flyway schema on a database without Spring or the engine, with the loan-book services wired
 * by hand: for plain JUnit service tests and the import benchmark.
 */
public final class PlainDatabase {

    public final DataSource dataSource;
    /** The test profile's demo key (application-test.yaml). */
    public static final BorrowerPii TEST_PII = new BorrowerPii(new PiiCipher(
        java.util.Map.of("demo", "Y29sbGVjdGZsb3ctZGVtby1rZXktMzItYnl0ZXMhISE="), "demo"));

    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final LoanBookService loanBook;
    public final PaymentService payments;

    public PlainDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.loanBook = new LoanBookService(new LoanBookRepository(jdbc, TEST_PII), tx);
        this.payments = PaymentService.create(jdbc, tx);
    }

    /** A private in-memory H2 database. */
    public static PlainDatabase h2() {
        return new PlainDatabase(new DriverManagerDataSource(
            "jdbc:h2:mem:plain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }
}
