package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Benchmark, not a test (its name keeps it out of the normal test run): a synthetic book on
 * embedded PostgreSQL, then the time of a live KPI computation, of a snapshot, and of what the
 * dashboard reads (one snapshot and a 90-day trend). Prints figures, asserts nothing.
 * Run: {@code ./mvnw test -Dtest=KpiBenchmark -Dkpi.bench.loans=100000}.
 */
class KpiBenchmark {

    @Test
    void run() throws Exception {
        int loans = Integer.getInteger("kpi.bench.loans", 100_000);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long t0 = System.nanoTime();
            book(jdbc, loans);
            jdbc.sql("ANALYZE").update();
            System.out.printf("KPI benchmark: %d loans generated in %d ms%n", loans, ms(t0));

            Buckets buckets = new Buckets(List.of(1, 30, 60, 90, 180, 360));
            SchemaProbe schema = new SchemaProbe(dataSource);
            StaffTime noTasks = new StaffTime() {
                @Override
                public Map<String, BigDecimal> hoursByAssignee(LocalDate from, LocalDate to) {
                    return Map.of();
                }

                @Override
                public Map<String, Long> tasksByAssignee(LocalDate from, LocalDate to) {
                    return Map.of();
                }
            };
            KpiProperties properties = KpiCalculationContract.PROPERTIES;
            KpiCalculator calculator = new KpiCalculator(new PortfolioQueries(jdbc, buckets, BigDecimal.ZERO),
                new CaseQueries(jdbc), new OperationsQueries(jdbc, schema, noTasks, new TableComplaintCounter(jdbc, schema),
                    (from, to) -> BigDecimal.ZERO, properties), buckets, new KpiTargets(properties.targets()),
                collectors -> Map.of());
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            KpiSnapshotService snapshots = new KpiSnapshotService(calculator, jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), json, Clock.systemDefaultZone());
            LocalDate asOf = LocalDate.of(2026, 3, 31);

            PortfolioQueries portfolio = new PortfolioQueries(jdbc, buckets, BigDecimal.ZERO);
            CaseQueries cases = new CaseQueries(jdbc);
            timed("book", () -> portfolio.book(asOf));
            timed("rolls", () -> portfolio.rolls(asOf.minusMonths(1), asOf));
            timed("recovery", () -> cases.recovery(asOf));
            timed("cure", () -> cases.cure(asOf));
            long t1 = System.nanoTime();
            Kpis live = calculator.compute(asOf);
            System.out.printf("KPI benchmark: live computation %d ms (active %d, 30+ by count %s)%n", ms(t1),
                live.activeLoans(), live.overdueRates().get("30").byCount());
            long t2 = System.nanoTime();
            snapshots.snapshot(asOf);
            System.out.printf("KPI benchmark: snapshot written in %d ms%n", ms(t2));
            // 89 more days of history: copies of the document (the dashboard's read cost does not depend on the figures)
            for (int d = 1; d < 90; d++) {
                jdbc.sql("INSERT INTO kpi_snapshot SELECT :day, computed_at, active_loans, outstanding, recovery_within_90,"
                        + " recovery_90_179, recovery_180_plus, cure_rate, cost_per_case, recovered, document"
                        + " FROM kpi_snapshot WHERE as_of = :asOfDate")
                    .param("day", asOf.minusDays(d)).param("asOfDate", asOf).update();
                jdbc.sql("INSERT INTO kpi_snapshot_overdue SELECT :day, slice_type, slice_value, dpd_threshold, active_loans,"
                        + " outstanding, overdue_loans, overdue_balance, rate_by_count, rate_by_balance"
                        + " FROM kpi_snapshot_overdue WHERE as_of = :asOfDate")
                    .param("day", asOf.minusDays(d)).param("asOfDate", asOf).update();
            }
            for (int round = 1; round <= 3; round++) {
                long t3 = System.nanoTime();
                snapshots.find(asOf).orElseThrow();
                int points = snapshots.trend(asOf.minusDays(90), asOf).size();
                System.out.printf("KPI benchmark: dashboard read (snapshot + %d-day trend) round %d: %d ms%n", points,
                    round, ms(t3));
            }
        }
    }

    private static void timed(String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        System.out.printf("KPI benchmark: step %s %d ms%n", step, ms(start));
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** N loans of 12 monthly installments; every 10th pays nothing and has a case, the rest pay on time. */
    private static void book(JdbcClient jdbc, int loans) {
        jdbc.sql("""
                INSERT INTO borrower (borrower_id, name, id_number, phone, region, timezone, created_at)
                SELECT 'B' || i, 'Borrower ' || i, 'ID' || i, '+86138' || i, CASE WHEN i % 2 = 0 THEN 'CN-SH' ELSE 'CN-GD' END,
                    'Asia/Shanghai', now() FROM generate_series(1, :n) AS i
                """).param("n", loans).update();
        jdbc.sql("""
                INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                    disbursed_on, first_due_on, status, created_at)
                SELECT 'L' || i, 'B' || i, CASE WHEN i % 3 = 0 THEN 'small_business' ELSE 'consumer' END, 1200 + (i % 100) * 12,
                    0.12, 0.18, 12, DATE '2025-06-01' + (i % 200), DATE '2025-07-01' + (i % 200), 'ACTIVE', now()
                FROM generate_series(1, :n) AS i
                """).param("n", loans).update();
        jdbc.sql("""
                INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due)
                SELECT l.loan_no, k, (l.first_due_on + make_interval(months => k - 1))::date, l.principal / 12, 10
                FROM loan l CROSS JOIN generate_series(1, 12) AS k
                """).update();
        jdbc.sql("""
                INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
                SELECT 'P-' || i.loan_no || '-' || i.seq, i.loan_no, i.due_on, i.principal_due + i.interest_due, 'bank', now()
                FROM installment i WHERE i.due_on <= DATE '2026-03-31' AND CAST(SUBSTRING(i.loan_no FROM 2) AS INTEGER) % 10 <> 0
                """).update();
        jdbc.sql("""
                INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)
                SELECT 'P-' || i.loan_no || '-' || i.seq, i.loan_no, i.seq, c.component,
                    CASE WHEN c.component = 'PRINCIPAL' THEN i.principal_due ELSE i.interest_due END, i.due_on
                FROM installment i CROSS JOIN (VALUES ('PRINCIPAL'), ('INTEREST')) AS c(component)
                WHERE i.due_on <= DATE '2026-03-31' AND CAST(SUBSTRING(i.loan_no FROM 2) AS INTEGER) % 10 <> 0
                """).update();
        jdbc.sql("""
                INSERT INTO collection_case (loan_no, status, active_loan_no, opened_on, opened_at)
                SELECT loan_no, 'ACTIVE', loan_no, first_due_on + 1, now() FROM loan
                WHERE CAST(SUBSTRING(loan_no FROM 2) AS INTEGER) % 10 = 0
                """).update();
    }
}
