package io.collectflow.kpi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

import io.collectflow.loan.LenderCalendar;
import io.collectflow.loan.LenderProperties;

/**
 * Benchmark, not a test (its name keeps it out of the normal test run): a synthetic book on embedded
 * PostgreSQL that grows through the sizes in {@code kpi.bench.loans}; for each size the time of the
 * live KPI computation steps and of a snapshot, then a snapshot history of {@code kpi.bench.history}
 * days (copies of the day's document) and the dashboard's read on it, several rounds: the snapshot
 * document of the day with its slices, the 90-day trend, and the trend over the whole history. The
 * read must not grow with the book. Prints figures, asserts nothing. Run:
 * {@code ./mvnw test -Dtest=KpiBenchmark -Dkpi.bench.loans=20000,100000 -Dkpi.bench.history=1095}.
 */
class KpiBenchmark {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);
    private static final int ROUNDS = 7;
    /** rounds first run and not counted (class loading, JIT, PostgreSQL caches) */
    private static final int WARM_UP = 3;
    private static final StaffTime NO_TASKS = new StaffTime() {
        @Override
        public Map<String, BigDecimal> hoursByAssignee(LocalDate from, LocalDate to) {
            return Map.of();
        }

        @Override
        public Map<String, Long> tasksByAssignee(LocalDate from, LocalDate to) {
            return Map.of();
        }
    };

    @Test
    void run() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("kpi.bench.loans", "20000,100000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).sorted().toArray();
        int history = Integer.getInteger("kpi.bench.history", 1095);
        int collectors = Integer.getInteger("kpi.bench.collectors", 300);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            Buckets buckets = new Buckets(List.of(1, 30, 60, 90, 180, 360));
            PortfolioQueries portfolio = new PortfolioQueries(jdbc, buckets, BigDecimal.ZERO);
            CaseQueries cases = new CaseQueries(jdbc);
            KpiCalculator calculator = calculator(jdbc, dataSource, buckets);
            ScorecardService scorecards = new ScorecardService(jdbc, new SchemaProbe(dataSource), NO_TASKS,
                KpiCalculationContract.PROPERTIES);
            KpiSnapshotService snapshots = new KpiSnapshotService(calculator, scorecards, jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), json, Clock.systemUTC(),
                new LenderCalendar(new LenderProperties(ZoneId.of("Asia/Shanghai")), Clock.systemUTC()));

            int generated = 0;
            for (int loans : sizes) {
                long t0 = System.nanoTime();
                book(jdbc, generated + 1, loans, collectors);
                generated = loans;
                jdbc.sql("ANALYZE").update();
                System.out.printf("KPI benchmark [%d loans]: generated in %d ms%n", loans, ms(t0));
                timed(loans, "book", () -> portfolio.book(AS_OF));
                timed(loans, "rolls", () -> portfolio.rolls(AS_OF.minusMonths(1), AS_OF));
                timed(loans, "recovery (by product, region, strategy, grade, collector, agency)", () -> cases.recovery(AS_OF));
                timed(loans, "recovery by stage", () -> cases.recoveryByStage(AS_OF));
                timed(loans, "cure", () -> cases.cure(AS_OF));
                timed(loans, "scorecards of the month (live)", () -> scorecards.scorecards(AS_OF.minusMonths(1).plusDays(1), AS_OF));
                long t1 = System.nanoTime();
                Kpis kpis = snapshots.snapshot(AS_OF);
                System.out.printf("KPI benchmark [%d loans]: snapshot computed and written in %d ms (active %d, 30+ by"
                        + " count %s, %d slices)%n", loans, ms(t1), kpis.activeLoans(), kpis.overdueRates().get("30").byCount(),
                    kpis.slices().size());
                copyHistory(jdbc, history);
                dashboardRead(loans, snapshots, json, history);
            }
        }
    }

    /** What the dashboard asks for, as the controller answers it: rounds, then the fastest and the median. */
    private static void dashboardRead(int loans, KpiSnapshotService snapshots, ObjectMapper json, int history)
            throws Exception {
        long[] document = new long[ROUNDS];
        long[] trend90 = new long[ROUNDS];
        long[] trendAll = new long[ROUNDS];
        int bytes = 0;
        int points = 0;
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            long a = System.nanoTime();
            Kpis kpis = snapshots.kpis(AS_OF);
            bytes = json.writeValueAsString(kpis).getBytes(StandardCharsets.UTF_8).length;
            json.writeValueAsString(kpis.scorecards());
            for (String dimension : KpiCalculator.DIMENSIONS) {
                json.writeValueAsString(kpis.slices().stream().filter(s -> s.dimension().equals(dimension)).toList());
            }
            long b = System.nanoTime();
            json.writeValueAsString(snapshots.trend(AS_OF.minusDays(90), AS_OF));
            long c = System.nanoTime();
            points = snapshots.trend(AS_OF.minusDays(history), AS_OF).size();
            long d = System.nanoTime();
            if (round >= 0) {
                document[round] = b - a;
                trend90[round] = c - b;
                trendAll[round] = d - c;
            }
        }
        System.out.printf("KPI benchmark [%d loans]: dashboard read on %d snapshot days, %d rounds after %d to warm up"
                + " (fastest / median): day document (%d bytes with slices and scorecards) + 7 slice lists %s ms;"
                + " 90-day trend %s ms; %d-point trend %s ms%n",
            loans, history, ROUNDS, WARM_UP, bytes, fastestAndMedian(document), fastestAndMedian(trend90), points,
            fastestAndMedian(trendAll));
    }

    private static String fastestAndMedian(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%.1f / %.1f", sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6);
    }

    /** {@code days} − 1 earlier days as copies of the day's snapshot (the read cost does not depend on the figures). */
    private static void copyHistory(JdbcClient jdbc, int days) {
        jdbc.sql("DELETE FROM kpi_snapshot_overdue WHERE as_of <> :d").param("d", AS_OF).update();
        jdbc.sql("DELETE FROM kpi_snapshot WHERE as_of <> :d").param("d", AS_OF).update();
        jdbc.sql("""
                INSERT INTO kpi_snapshot SELECT s.as_of - g.n, computed_at, active_loans, outstanding, recovery_within_90,
                    recovery_90_179, recovery_180_plus, cure_rate, cost_per_case, recovered, document
                FROM kpi_snapshot s CROSS JOIN generate_series(1, :n) AS g(n) WHERE s.as_of = :d
                """).param("n", days - 1).param("d", AS_OF).update();
        jdbc.sql("""
                INSERT INTO kpi_snapshot_overdue SELECT o.as_of - g.n, slice_type, slice_value, dpd_threshold, active_loans,
                    outstanding, overdue_loans, overdue_balance, rate_by_count, rate_by_balance
                FROM kpi_snapshot_overdue o CROSS JOIN generate_series(1, :n) AS g(n) WHERE o.as_of = :d
                """).param("n", days - 1).param("d", AS_OF).update();
        jdbc.sql("ANALYZE kpi_snapshot").update();
        jdbc.sql("ANALYZE kpi_snapshot_overdue").update();
    }

    private static KpiCalculator calculator(JdbcClient jdbc, DataSource dataSource, Buckets buckets) {
        SchemaProbe schema = new SchemaProbe(dataSource);
        KpiProperties properties = KpiCalculationContract.PROPERTIES;
        return new KpiCalculator(new PortfolioQueries(jdbc, buckets, BigDecimal.ZERO), new CaseQueries(jdbc),
            new OperationsQueries(jdbc, schema, NO_TASKS, new TableComplaintCounter(jdbc, schema),
                (from, to) -> BigDecimal.ZERO, properties), buckets, new KpiTargets(properties.targets()),
            collectors -> {
                Map<String, String> teams = new HashMap<>();
                collectors.forEach(c -> teams.put(c, "collectors-l" + (1 + Math.abs(c.hashCode()) % 2)));
                return teams;
            });
    }

    private static void timed(int loans, String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        System.out.printf("KPI benchmark [%d loans]: step %s %d ms%n", loans, step, ms(start));
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Loans {@code from}..{@code to} of 12 monthly installments; every 10th pays nothing and has a case
     * with a risk score, a collector's call, a first-line stay (and a second-line one after 30 days);
     * every 50th is placed with an agency after 90 days; the rest pay on time.
     */
    private static void book(JdbcClient jdbc, int from, int to, int collectors) {
        List<String> statements = new ArrayList<>();
        statements.add("""
            INSERT INTO borrower (borrower_id, name, id_number, phone, region, timezone, created_at)
            SELECT 'B' || i, 'Borrower ' || i, 'ID' || i, '+86138' || i, CASE WHEN i % 2 = 0 THEN 'CN-SH' ELSE 'CN-GD' END,
                'Asia/Shanghai', now() FROM generate_series(:from, :to) AS i
            """);
        statements.add("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                disbursed_on, first_due_on, status, created_at)
            SELECT 'L' || i, 'B' || i, CASE WHEN i % 3 = 0 THEN 'small_business' ELSE 'consumer' END, 1200 + (i % 100) * 12,
                0.12, 0.18, 12, DATE '2025-06-01' + (i % 200), DATE '2025-07-01' + (i % 200), 'ACTIVE', now()
            FROM generate_series(:from, :to) AS i
            """);
        String newLoans = " CAST(SUBSTRING(%s FROM 2) AS INTEGER) BETWEEN :from AND :to";
        statements.add("""
            INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due)
            SELECT l.loan_no, k, (l.first_due_on + make_interval(months => k - 1))::date, l.principal / 12, 10
            FROM loan l CROSS JOIN generate_series(1, 12) AS k WHERE""" + newLoans.formatted("l.loan_no"));
        statements.add("""
            INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
            SELECT 'P-' || i.loan_no || '-' || i.seq, i.loan_no, i.due_on, i.principal_due + i.interest_due, 'bank', now()
            FROM installment i WHERE i.due_on <= DATE '2026-03-31' AND CAST(SUBSTRING(i.loan_no FROM 2) AS INTEGER) % 10 <> 0
            AND""" + newLoans.formatted("i.loan_no"));
        statements.add("""
            INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)
            SELECT 'P-' || i.loan_no || '-' || i.seq, i.loan_no, i.seq, c.component,
                CASE WHEN c.component = 'PRINCIPAL' THEN i.principal_due ELSE i.interest_due END, i.due_on
            FROM installment i CROSS JOIN (VALUES ('PRINCIPAL'), ('INTEREST')) AS c(component)
            WHERE i.due_on <= DATE '2026-03-31' AND CAST(SUBSTRING(i.loan_no FROM 2) AS INTEGER) % 10 <> 0
            AND""" + newLoans.formatted("i.loan_no"));
        String cases = " FROM loan l WHERE CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) % 10 = 0 AND"
            + newLoans.formatted("l.loan_no");
        statements.add("""
            INSERT INTO collection_case (loan_no, status, active_loan_no, process_instance_id, opened_on, opened_at,
                strategy_variant)
            SELECT l.loan_no, 'ACTIVE', l.loan_no, 'pi-' || l.loan_no, l.first_due_on + 1, now(),
                CASE WHEN CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) % 20 = 0 THEN 'A' ELSE 'B' END""" + cases);
        statements.add("""
            INSERT INTO risk_score_history (loan_no, borrower_id, scored_at, trigger_event, score, grade, malicious,
                dpd_points, amount_points, history_points, indebtedness_points, validity_points, responsiveness_points)
            SELECT l.loan_no, l.borrower_id, (l.first_due_on + 1) + TIME '10:00', 'CASE_PREPARED', 300,
                CASE CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) % 3 WHEN 0 THEN 'LOW' WHEN 1 THEN 'MEDIUM' ELSE 'HIGH' END,
                FALSE, 0, 0, 0, 0, 0, 0""" + cases);
        statements.add("""
            INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type, recorded_at)
            SELECT (l.first_due_on + 4) + TIME '10:00', l.loan_no, l.borrower_id, 'call', 'NO_ANSWER',
                'collector' || (CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) / 10 % :collectors), 'COLLECTOR',
                (l.first_due_on + 4) + TIME '10:00'""" + cases);
        statements.add("""
            INSERT INTO case_stage_history (process_instance_id, loan_no, stage, entered_at, entered_on, left_at, left_on)
            SELECT 'pi-' || l.loan_no, l.loan_no, 'FIRST_LINE', (l.first_due_on + 1) + TIME '09:00', l.first_due_on + 1,
                (l.first_due_on + 31) + TIME '09:00', l.first_due_on + 31""" + cases);
        statements.add("""
            INSERT INTO case_stage_history (process_instance_id, loan_no, stage, entered_at, entered_on)
            SELECT 'pi-' || l.loan_no, l.loan_no, 'SECOND_LINE', (l.first_due_on + 31) + TIME '09:00', l.first_due_on + 31"""
            + cases);
        statements.add("""
            INSERT INTO agency_placement (loan_no, agency_code, selection, scope, fee_percent, placed_amount, placed_at,
                expires_at, status)
            SELECT l.loan_no, CASE WHEN CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) % 100 = 0 THEN 'acme' ELSE 'beta' END,
                'CHAMPION', 'collection', 15, 500, (l.first_due_on + 91) + TIME '09:00', (l.first_due_on + 271) + TIME '09:00',
                'ACTIVE' FROM loan l WHERE CAST(SUBSTRING(l.loan_no FROM 2) AS INTEGER) % 50 = 0 AND"""
            + newLoans.formatted("l.loan_no"));
        for (String sql : statements) {
            var statement = jdbc.sql(sql).param("from", from).param("to", to);
            if (sql.contains(":collectors")) {
                statement = statement.param("collectors", collectors);
            }
            statement.update();
        }
    }
}
