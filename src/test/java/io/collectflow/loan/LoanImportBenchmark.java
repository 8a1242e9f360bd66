package io.collectflow.loan;

import java.io.StringReader;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Benchmark (not a test): imports a generated loan-book CSV of N rows (default 100 000, 12
 * installments each) through {@link LoanBookService} and prints parse+validate+store time and
 * rows/s. Runs on in-memory H2, or on embedded PostgreSQL with the argument {@code pg}.
 * See the README ("Loan book and payment CSV formats") for the command.
 */
public final class LoanImportBenchmark {

    private LoanImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean pg = args.length > 1 && "pg".equals(args[1]);
        StringBuilder csv = new StringBuilder(LoanApiContract.HEADER).append('\n');
        LocalDate disbursed = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate d = disbursed.plusDays(i % 28);
            csv.append("BL").append(i).append(",BB").append(i / 2).append(",Borrower ").append(i / 2)
                .append(",ID").append(i / 2).append(",+86 138 ").append(i / 2).append(",,\"Street ").append(i / 2)
                .append(", Shanghai\",CN-SH,consumer,").append(1000 + i % 50_000).append(".00,0.12,0.18,12,")
                .append(d).append(',').append(d.plusMonths(1)).append('\n');
        }
        System.out.printf("CSV: %,d rows, %,d characters%n", rows, csv.length());
        if (pg) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
                run(new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres")
                    + "&reWriteBatchedInserts=true", "postgres", ""), csv.toString(), rows, "PostgreSQL");
            }
        } else {
            run(new DriverManagerDataSource("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", ""), csv.toString(), rows, "H2");
        }
    }

    private static void run(DataSource dataSource, String csv, int rows, String database) {
        PlainDatabase db = new PlainDatabase(dataSource);
        JdbcTemplate jdbc = db.jdbc;
        LoanBookService service = db.loanBook;
        long parseStart = System.nanoTime();
        var table = io.collectflow.loan.csv.CsvTable.read(new StringReader(csv),
            io.collectflow.loan.importing.LoanCsvParser.REQUIRED_COLUMNS);
        io.collectflow.loan.importing.LoanCsvParser.parse(table, new java.util.ArrayList<>());
        System.out.printf("parse + validate alone: %.2f s%n", (System.nanoTime() - parseStart) / 1e9);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        LoanImportResult result = service.importLoans(new StringReader(csv));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (!result.ok()) {
            throw new IllegalStateException("import failed: " + result.errors().subList(0, 3));
        }
        Integer installments = jdbc.queryForObject("SELECT COUNT(*) FROM installment", Integer.class);
        System.out.printf("%s: imported %,d loans (%,d installments) in %.2f s = %,.0f loans/s"
            + " (CPU time of the importing thread %.2f s: %,.0f loans per CPU second)%n", database, result.imported(),
            installments, seconds, rows / seconds, cpuSeconds, rows / cpuSeconds);
    }
}
