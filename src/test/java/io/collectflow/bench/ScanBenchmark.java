package io.collectflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.CollectFlowApplication;
import io.collectflow.casework.CaseSynchronizer;
import io.collectflow.loan.delinquency.DelinquencyFollowUp;
import io.collectflow.loan.delinquency.DelinquencyScanService;
import io.collectflow.loan.delinquency.DelinquencyScanner;
import io.collectflow.loan.delinquency.ScanResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Delinquency scan benchmark (not a test): builds a loan book of {@code -Dloans} loans (default
 * 1,000,000) with 12 installments each on embedded PostgreSQL, about 7 % of them overdue, and prints
 * <ol>
 *   <li>the SQL part of the first scan beside a bare aggregate over the installment table (the floor);</li>
 *   <li>the engine part: one case opened per delinquent loan, in cases/s;</li>
 *   <li>a steady-state next day (about 1 % of loans change state): the whole scan, in seconds.</li>
 * </ol>
 * Run with {@code ./mvnw -Pbench test-compile exec:exec [-Dloans=200000] [-Dengine=false]} (see README,
 * "Benchmarks"); {@code -Dengine=false} leaves out the engine (no cases) and times the SQL part of the next day.
 */
public final class ScanBenchmark {

    /** The first scan date; every loan's first installment fell due between 2025-06-01 and 2025-06-28. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 15);

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loans = Integer.getInteger("loans", 1_000_000);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("explain")) {
            // -Dexplain=true: PostgreSQL logs the plan of every statement slower than 500 ms
            builder.setServerConfig("shared_preload_libraries", "auto_explain")
                .setServerConfig("auto_explain.log_min_duration", "500")
                .setServerConfig("auto_explain.log_analyze", "on");
        }
        try (EmbeddedPostgres postgres = builder
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .start();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(CollectFlowApplication.class)
                 .profiles("test")
                 .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     "--camunda.bpm.database.type=postgres", "--server.port=0",
                     "--logging.level.root=WARN", "--logging.level.io.collectflow=INFO",
                     "--logging.level.io.collectflow.loan.delinquency.DelinquencyScanner=DEBUG",
                     "--logging.level.io.zonky=" + (Boolean.getBoolean("explain") ? "INFO" : "WARN"))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            System.out.printf(Locale.ROOT, "%n== Delinquency scan benchmark: %,d loans x 12 installments, %d cores, %d MB max heap ==%n",
                loans, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            double build = seconds(() -> buildBook(jdbc, loans));
            System.out.printf(Locale.ROOT, "book built in %.1f s; load average %s%n", build, loadAverage());

            floor(jdbc); // warm the cache the same way for both measurements
            double floor = best(() -> floor(jdbc));
            DelinquencyScanner scanner = app.getBean(DelinquencyScanner.class);
            DelinquencyScanner.ScanFigures[] figures = new DelinquencyScanner.ScanFigures[1];
            double sql = seconds(() -> figures[0] = scanner.computeState(AS_OF));
            System.out.printf(Locale.ROOT, "%n1. SQL part of the first scan (%s): %.2f s, %,.0f loans/s, %,d delinquent%n",
                AS_OF, sql, loans / sql, figures[0].delinquent());
            System.out.printf(Locale.ROOT, "   floor (bare aggregate over installment): %.2f s; ratio %.2fx (goal <= 3x)%n",
                floor, sql / floor);

            boolean withEngine = !"false".equals(System.getProperty("engine"));
            if (withEngine) {
                CaseSynchronizer cases = app.getBean(CaseSynchronizer.class);
                DelinquencyFollowUp.Counts[] counts = new DelinquencyFollowUp.Counts[1];
                double engine = seconds(() -> counts[0] = cases.followUp(AS_OF));
                System.out.printf(Locale.ROOT, "2. engine part: %,d cases opened in %.1f s = %,.0f cases/s (%d failed)%n",
                    counts[0].opened(), engine, counts[0].opened() / engine, counts[0].failed());
            }

            int cured = payOffSomeOverdueLoans(jdbc, AS_OF.plusDays(1));
            jdbc.execute("ANALYZE");
            double floorAgain = best(() -> floor(jdbc));
            System.out.printf(Locale.ROOT, "   (floor measured again before the next day: %.2f s; load average %s)%n",
                floorAgain, loadAverage());
            if (withEngine) {
                ScanResult[] next = new ScanResult[1];
                double day = seconds(() -> next[0] = app.getBean(DelinquencyScanService.class).scan(AS_OF.plusDays(1)));
                long changed = next[0].casesOpened() + next[0].casesUpdated() + next[0].casesCured();
                System.out.printf(Locale.ROOT, "3. steady-state next day (%s): %.1f s in total (goal <= 60 s; SQL and cases "
                        + "split in the log line above); %,d loans changed case state (%.2f %%; %,d paid off overnight): "
                        + "opened %d, updated %d, cured %d, failed %d%n",
                    AS_OF.plusDays(1), day, changed, 100.0 * changed / loans, cured, next[0].casesOpened(),
                    next[0].casesUpdated(), next[0].casesCured(), next[0].casesFailed());
            } else {
                double daySql = seconds(() -> scanner.computeState(AS_OF.plusDays(1)));
                System.out.printf(Locale.ROOT, "3. steady-state next day (%s), SQL part only (-Dengine=false): %.2f s = "
                    + "%.2fx the floor (%,d paid off overnight)%n", AS_OF.plusDays(1), daySql, daySql / floorAgain, cured);
            }
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        }
        System.exit(0);
    }

    /**
     * Borrowers, loans and installments by generate_series (installment keys and indexes rebuilt afterwards). Loan g: first due 2025-06-01 + (g mod 28)
     * days; 7 % (g mod 100 < 7) stopped paying at installment 1 + (g mod 9); 0.5 % (g mod 200 = 15) are
     * due on the 15th and miss the installment due on the first scan date (delinquent the next day);
     * everybody else paid every installment due up to the day after the first scan.
     */
    private static void buildBook(JdbcTemplate jdbc, int loans) {
        jdbc.update("""
            INSERT INTO borrower (borrower_id, name, id_number, phone, region, timezone, created_at)
            SELECT 'B' || g, 'Borrower ' || g, 'ID' || g, '+86138' || lpad(g::text, 8, '0'), 'CN-SH', 'Asia/Shanghai', now()
              FROM generate_series(1, 10000) g""");
        jdbc.update("""
            INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                              disbursed_on, first_due_on, status, created_at)
            SELECT 'L' || lpad(g::text, 8, '0'), 'B' || (1 + g % 10000), 'consumer', 12000, 0.10, 0.18, 12,
                   DATE '2025-05-01',
                   CASE WHEN g % 200 = 15 THEN DATE '2025-06-15' ELSE DATE '2025-06-01' + (g % 28) END,
                   'ACTIVE', now()
              FROM generate_series(1, ?) g""", loans);
        jdbc.execute("DROP INDEX ix_installment_due");
        jdbc.execute("DROP INDEX ix_installment_open");
        jdbc.execute("ALTER TABLE installment DROP CONSTRAINT installment_pkey");
        jdbc.execute("ALTER TABLE installment DROP CONSTRAINT installment_loan_no_fkey");
        jdbc.update("""
            INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due, principal_paid, interest_paid)
            SELECT x.loan_no, x.seq, x.due_on, 1000.00, 50.00,
                   CASE WHEN x.paid THEN 1000.00 ELSE 0 END, CASE WHEN x.paid THEN 50.00 ELSE 0 END
              FROM (SELECT l.loan_no, k AS seq, (l.first_due_on + make_interval(months => k - 1))::date AS due_on,
                           CASE WHEN g % 100 < 7 THEN k < 1 + g % 9
                                WHEN g % 200 = 15 THEN (l.first_due_on + make_interval(months => k - 1))::date < DATE '2026-03-15'
                                ELSE (l.first_due_on + make_interval(months => k - 1))::date <= DATE '2026-03-16' END AS paid
                      FROM generate_series(1, ?) g
                      JOIN loan l ON l.loan_no = 'L' || lpad(g::text, 8, '0')
                     CROSS JOIN generate_series(1, 12) k) x""", loans);
        jdbc.execute("ALTER TABLE installment ADD PRIMARY KEY (loan_no, seq)");
        jdbc.execute("CREATE INDEX ix_installment_due ON installment (due_on)");
        jdbc.execute("CREATE INDEX ix_installment_open ON installment (due_on)"
            + " WHERE principal_paid + interest_paid < principal_due + interest_due");
        jdbc.execute("ALTER TABLE installment ADD CONSTRAINT installment_loan_no_fkey FOREIGN KEY (loan_no) REFERENCES loan (loan_no)");
        jdbc.execute("VACUUM ANALYZE");
    }

    /**
     * Half of the overdue loans with g mod 200 = 3 pay all arrears on the next day: payment and
     * allocation rows and the installments' paid columns, set-based (the book's earlier installments
     * were marked paid without allocation rows, so the payment service would re-apply the payment to
     * them). As a payment does, the loan's pending penalty is spread first — here all of it onto the
     * oldest unpaid installment, which the payment settles in full anyway.
     */
    private static int payOffSomeOverdueLoans(JdbcTemplate jdbc, LocalDate paidOn) {
        String paying = "SELECT l.loan_no FROM loan l WHERE l.dpd > 0 AND right(l.loan_no, 3)::int % 200 = 3";
        int paid = jdbc.update("""
            INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
            SELECT 'PAY-' || l.loan_no, l.loan_no, ?, l.overdue_amount, 'bank', now()
              FROM loan l WHERE l.loan_no IN (""" + paying + ")", paidOn);
        jdbc.update("""
            UPDATE installment i SET penalty_due = i.penalty_due + l.penalty_pending
              FROM loan l
             WHERE l.loan_no = i.loan_no AND l.loan_no IN (""" + paying + """
               ) AND i.seq = (SELECT MIN(o.seq) FROM installment o WHERE o.loan_no = i.loan_no
                                AND o.principal_paid + o.interest_paid < o.principal_due + o.interest_due)""");
        jdbc.update("UPDATE loan SET penalty_pending = 0, penalty_spread_to = penalty_accrued_to WHERE loan_no IN ("
            + paying + ")");
        jdbc.update("""
            INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)
            SELECT 'PAY-' || i.loan_no, i.loan_no, i.seq, c.component,
                   CASE c.component WHEN 'PENALTY' THEN i.penalty_due - i.penalty_paid
                                    WHEN 'INTEREST' THEN i.interest_due - i.interest_paid
                                    ELSE i.principal_due - i.principal_paid END, ?
              FROM installment i JOIN payment p ON p.loan_no = i.loan_no AND p.payment_ref = 'PAY-' || i.loan_no
             CROSS JOIN (VALUES ('PENALTY'), ('INTEREST'), ('PRINCIPAL')) c (component)
             WHERE i.due_on < ? AND i.principal_paid + i.interest_paid < i.principal_due + i.interest_due
               AND CASE c.component WHEN 'PENALTY' THEN i.penalty_due - i.penalty_paid
                                    WHEN 'INTEREST' THEN i.interest_due - i.interest_paid
                                    ELSE i.principal_due - i.principal_paid END > 0""", paidOn, paidOn);
        jdbc.update("""
            UPDATE installment i SET principal_paid = principal_due, interest_paid = interest_due, penalty_paid = penalty_due
              FROM payment p
             WHERE p.loan_no = i.loan_no AND p.payment_ref = 'PAY-' || i.loan_no AND i.due_on < ?""", paidOn);
        return paid;
    }

    /** The floor: one bare aggregate pass over the whole installment table. */
    private static void floor(JdbcTemplate jdbc) {
        jdbc.queryForList("""
            SELECT COUNT(*), SUM(principal_due + interest_due - principal_paid - interest_paid)
              FROM installment WHERE due_on < ?""", AS_OF);
    }

    /** The 1, 5 and 15 minute load averages (Linux), to judge how contended the machine was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double best(Runnable task) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, seconds(task));
        }
        return best;
    }

    private static double seconds(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e9;
    }

}
