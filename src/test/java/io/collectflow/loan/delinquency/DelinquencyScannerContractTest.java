package io.collectflow.loan.delinquency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.collectflow.arrangement.plan.HonoredPlanFreeze;
import io.collectflow.arrangement.plan.PlanProperties;

/**
 * The SQL part of the scan on a real database (subclasses: H2 and PostgreSQL): DPD at every bucket
 * boundary, partial payments, credit, tolerance, payments after the scan date, penalty accrual and
 * bucket history. Installments are 100.00 principal + 10.00 interest; penalty rate 36.5 % a year,
 * i.e. 0.1 % a day: 0.11 per overdue installment per day.
 */
abstract class DelinquencyScannerContractTest {

    static final LocalDate FIRST_DUE = LocalDate.of(2025, 1, 10);

    LoanBookFixture book;
    DataSource dataSource;

    abstract DataSource dataSource();

    @BeforeEach
    void cleanBook() {
        dataSource = dataSource();
        book = new LoanBookFixture(new JdbcTemplate(dataSource));
        book.clear();
    }

    DelinquencyScanner scanner(String tolerance) {
        DelinquencyProperties properties = new DelinquencyProperties("-", new BigDecimal(tolerance),
            List.of(1, 30, 60, 90, 180, 360), 200, 1, Duration.ofHours(2));
        return new DelinquencyScanner(new NamedParameterJdbcTemplate(dataSource),
            new DataSourceTransactionManager(dataSource), properties, dataSource);
    }

    DelinquencyScanner.ScanFigures scan(LocalDate asOf) {
        return scanner("0.00").computeState(asOf);
    }

    @ParameterizedTest(name = "{0} days after the due date: DPD {0}, {1}")
    @CsvSource({"0, CURRENT", "1, DPD_1_29", "29, DPD_1_29", "30, DPD_30_59", "59, DPD_30_59", "60, DPD_60_89",
        "89, DPD_60_89", "90, DPD_90_179", "179, DPD_90_179", "180, DPD_180_359", "359, DPD_180_359",
        "360, DPD_360_PLUS"})
    void dpdAndBucketAtEveryBoundary(int days, String bucket) {
        book.loan("L1", FIRST_DUE, 24);
        book.loan("PAID", FIRST_DUE, 24);
        book.pay("P-PAID", "PAID", FIRST_DUE, new BigDecimal("2640.00"));

        DelinquencyScanner.ScanFigures figures = scan(FIRST_DUE.plusDays(days));

        assertThat(book.dpd("L1")).isEqualTo(days);
        assertThat(book.bucket("L1")).isEqualTo(bucket);
        assertThat(book.dpd("PAID")).isZero();
        assertThat(figures.loansScanned()).isEqualTo(2);
        assertThat(figures.delinquent()).isEqualTo(days > 0 ? 1 : 0);
    }

    @Test
    void installmentDueOnTheScanDateIsNotOverdueYet() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE);
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("0.00");
        assertThat(book.bucketHistory("L1")).isEmpty();
    }

    @Test
    void partialPaymentLeavesTheInstallmentOverdue() {
        book.loan("L1", FIRST_DUE, 12);
        book.pay("P1", "L1", FIRST_DUE, new BigDecimal("50.00"));
        scan(FIRST_DUE.plusDays(5));
        assertThat(book.dpd("L1")).isEqualTo(5);
        // 60.00 principal left, 5 days of penalty on it at 0.1 % a day
        assertThat(book.penaltyDue("L1")).isEqualByComparingTo("0.30");
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("60.30");
    }

    @Test
    void dpdCountsFromTheOldestUnpaidInstallment() {
        book.loan("L1", FIRST_DUE, 12);
        book.pay("P1", "L1", FIRST_DUE, new BigDecimal("110.00"));
        // the second installment fell due on 2025-02-10, 31 days after the first
        scan(FIRST_DUE.plusDays(35));
        assertThat(book.dpd("L1")).isEqualTo(4);
    }

    @Test
    void overpaymentCoversLaterInstallments() {
        book.loan("L1", FIRST_DUE, 12);
        // two installments and 30.00 of the third (its interest and 20.00 principal)
        book.pay("P1", "L1", FIRST_DUE, new BigDecimal("250.00"));
        LocalDate thirdDue = FIRST_DUE.plusMonths(2);
        scan(thirdDue.minusDays(1));
        assertThat(book.dpd("L1")).isZero();
        scan(thirdDue.plusDays(1));
        assertThat(book.dpd("L1")).isEqualTo(1);
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("80.08");
    }

    @Test
    void residueWithinToleranceIsNotOverdue() {
        book.loan("WITHIN", FIRST_DUE, 12);
        book.loan("ABOVE", FIRST_DUE, 12);
        book.pay("P1", "WITHIN", FIRST_DUE, new BigDecimal("109.95"));
        book.pay("P2", "ABOVE", FIRST_DUE, new BigDecimal("109.94"));

        scanner("0.05").computeState(FIRST_DUE.plusDays(10));

        assertThat(book.dpd("WITHIN")).isZero();
        assertThat(book.bucket("WITHIN")).isEqualTo("CURRENT");
        assertThat(book.overdueAmount("WITHIN")).isEqualByComparingTo("0.05");
        assertThat(book.penaltyDue("WITHIN")).isEqualByComparingTo("0.00");
        assertThat(book.dpd("ABOVE")).isEqualTo(10);
    }

    @Test
    void paymentAfterTheScanDateDoesNotCount() {
        book.loan("L1", FIRST_DUE, 12);
        book.pay("P1", "L1", FIRST_DUE.plusDays(10), new BigDecimal("110.00"));
        scan(FIRST_DUE.plusDays(5));
        assertThat(book.dpd("L1")).isEqualTo(5);
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("110.55");
        scan(FIRST_DUE.plusDays(10));
        assertThat(book.dpd("L1")).isZero();
    }

    @Test
    void penaltyAccruesOncePerDayAndCatchesUpSkippedDays() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(1));
        assertThat(book.penaltyDue("L1")).isEqualByComparingTo("0.11");
        scan(FIRST_DUE.plusDays(1));
        assertThat(book.penaltyDue("L1")).as("same date again").isEqualByComparingTo("0.11");
        scan(FIRST_DUE.plusDays(4));
        assertThat(book.penaltyDue("L1")).as("three more days").isEqualByComparingTo("0.44");
        scan(FIRST_DUE.plusDays(2));
        assertThat(book.penaltyDue("L1")).as("an earlier date accrues nothing").isEqualByComparingTo("0.44");
        assertThat(book.loanRow("L1").get("PENALTY_ACCRUED_TO").toString()).isEqualTo("2025-01-14");
    }

    @Test
    void dailyScanAccruesPenaltyOnTheLoanAndWritesNoInstallment() {
        book.loan("L1", FIRST_DUE, 12);
        // installment 1: 35 days x 0.11; installment 2 (due 2025-02-10): 4 days x 0.11
        scan(FIRST_DUE.plusDays(35));
        assertThat(book.penaltyPending("L1")).isEqualByComparingTo("4.29");
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("224.29");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var installments = jdbc.queryForList("SELECT * FROM installment ORDER BY loan_no, seq");

        scan(FIRST_DUE.plusDays(36));

        assertThat(jdbc.queryForList("SELECT * FROM installment ORDER BY loan_no, seq")).isEqualTo(installments);
        assertThat(book.penaltyPending("L1")).isEqualByComparingTo("4.51");
        assertThat(book.loanRow("L1").get("PENALTY_ACCRUED_TO").toString()).isEqualTo("2025-02-15");
    }

    @Test
    void paymentSpreadsThePendingPenaltyOverTheInstallmentsThatAccruedIt() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(35));
        // penalty of installment 1 (3.85) first, then 1.15 of its interest
        book.pay("P1", "L1", FIRST_DUE.plusDays(35), new BigDecimal("5.00"));

        assertThat(book.installmentPenalty("L1", 1)).isEqualByComparingTo("3.85");
        assertThat(book.installmentPenalty("L1", 2)).isEqualByComparingTo("0.44");
        assertThat(book.installmentPenalty("L1", 3)).isEqualByComparingTo("0.00");
        assertThat(book.penaltyPending("L1")).isEqualByComparingTo("0.00");
        assertThat(book.loanRow("L1").get("PENALTY_SPREAD_TO").toString()).isEqualTo("2025-02-14");

        scan(FIRST_DUE.plusDays(36));
        // one more day from the spread on: 108.85 and 110.00 overdue, 0.11 each
        assertThat(book.penaltyPending("L1")).isEqualByComparingTo("0.22");
        assertThat(book.penaltyDue("L1")).isEqualByComparingTo("4.51");
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("219.51");
        assertThat(book.dpd("L1")).isEqualTo(36);
    }

    @Test
    void paymentBetweenTheWorkingSetAndTheLoanUpdateKeepsItsSpread() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(10));
        DelinquencyScanner scanner = scanner("0.00");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", FIRST_DUE.plusDays(11))
            .addValue("tol", BigDecimal.ZERO);
        jdbc.getJdbcTemplate().update("DELETE FROM delinquency_scan_work");
        jdbc.update(scanner.workingSetSql(), params);
        // a payment spreads the 1.10 accrued up to day 10 and pays it, while the scan is between its steps
        book.pay("P1", "L1", FIRST_DUE.plusDays(11), new BigDecimal("1.10"));
        jdbc.update(scanner.updateChangedLoansSql(), params);

        assertThat(book.penaltyPending("L1")).as("not put back on the loan").isEqualByComparingTo("0.00");
        assertThat(book.installmentPenalty("L1", 1)).isEqualByComparingTo("1.10");
        scan(FIRST_DUE.plusDays(11));
        assertThat(book.penaltyPending("L1")).as("day 11 on 110.00").isEqualByComparingTo("0.11");
        assertThat(book.penaltyDue("L1")).isEqualByComparingTo("1.21");
    }

    @Test
    void honoredRepaymentPlanKeepsDpdAndBucketUntilAPlanInstallmentIsMissed() {
        book.loan("PLAN", FIRST_DUE, 12);
        book.loan("NOPLAN", FIRST_DUE, 12);
        DelinquencyScanner scanner = scannerWithPlans();
        scanner.computeState(FIRST_DUE.plusDays(25));
        book.activePlan("PLAN", FIRST_DUE.plusDays(26), new BigDecimal("60.00"),
            FIRST_DUE.plusDays(30), FIRST_DUE.plusDays(60));
        book.pay("PP1", "PLAN", FIRST_DUE.plusDays(29), new BigDecimal("60.00"));

        scanner.computeState(FIRST_DUE.plusDays(40));
        assertThat(book.dpd("PLAN")).as("honored plan: DPD as when the plan started").isEqualTo(25);
        assertThat(book.bucket("PLAN")).isEqualTo("DPD_1_29");
        assertThat(book.bucketHistory("PLAN")).hasSize(1);
        assertThat(book.dpd("NOPLAN")).isEqualTo(40);
        assertThat(book.bucket("NOPLAN")).isEqualTo("DPD_30_59");

        // plan installment 2 (due day 60) is within its 3 grace days on day 63
        scanner.computeState(FIRST_DUE.plusDays(63));
        assertThat(book.bucket("PLAN")).isEqualTo("DPD_1_29");

        // missed: counted from the original schedule again
        scanner.computeState(FIRST_DUE.plusDays(64));
        assertThat(book.dpd("PLAN")).isEqualTo(64);
        assertThat(book.bucket("PLAN")).isEqualTo("DPD_60_89");
        assertThat(book.bucketHistory("PLAN")).extracting(row -> row.get("FROM_BUCKET") + ">" + row.get("TO_BUCKET"))
            .containsExactly("CURRENT>DPD_1_29", "DPD_1_29>DPD_60_89");
    }

    @Test
    void aHeldDpdNeverExceedsTheContractsWhenPaymentsMoveTheOldestUnpaidInstallment() {
        book.loan("PLAN", FIRST_DUE, 12);
        DelinquencyScanner scanner = scannerWithPlans();
        scanner.computeState(FIRST_DUE.plusDays(45));
        book.activePlan("PLAN", FIRST_DUE.plusDays(46), new BigDecimal("120.00"),
            FIRST_DUE.plusDays(60), FIRST_DUE.plusDays(90));
        // pays the first installment (due on day 0) with its penalty: the oldest unpaid one fell due on day 31
        book.pay("PP1", "PLAN", FIRST_DUE.plusDays(50), new BigDecimal("120.00"));

        scanner.computeState(FIRST_DUE.plusDays(55));

        assertThat(book.dpd("PLAN")).as("the contract's DPD, below the held 45").isEqualTo(24);
        assertThat(book.bucket("PLAN")).isEqualTo("DPD_1_29");
    }

    @Test
    void planFreezeNeedsAnActivePlan() {
        book.loan("L1", FIRST_DUE, 12);
        DelinquencyScanner scanner = scannerWithPlans();
        scanner.computeState(FIRST_DUE.plusDays(25));
        long plan = book.activePlan("L1", FIRST_DUE.plusDays(26), new BigDecimal("60.00"), FIRST_DUE.plusDays(30));
        new JdbcTemplate(dataSource).update("UPDATE repayment_plan SET status = 'BROKEN' WHERE id = ?", plan);

        scanner.computeState(FIRST_DUE.plusDays(31));

        assertThat(book.dpd("L1")).isEqualTo(31);
        assertThat(book.bucket("L1")).isEqualTo("DPD_30_59");
    }

    DelinquencyScanner scannerWithPlans() {
        DelinquencyProperties properties = new DelinquencyProperties("-", BigDecimal.ZERO,
            List.of(1, 30, 60, 90, 180, 360), 200, 1, Duration.ofHours(2));
        PlanProperties plans = new PlanProperties(new BigDecimal("0.4"), Duration.ofDays(7), 3, "R/P1M");
        return new DelinquencyScanner(new NamedParameterJdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
            properties, dataSource, List.of(new HonoredPlanFreeze(plans)));
    }

    @Test
    void penaltyPaymentsReduceTheOverdueAmountButNotTheDpd() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(10));
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("111.10");
        // penalty first, then interest, then principal
        book.pay("P1", "L1", FIRST_DUE.plusDays(10), new BigDecimal("1.10"));
        scan(FIRST_DUE.plusDays(10));
        assertThat(book.dpd("L1")).isEqualTo(10);
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("110.00");
    }

    @Test
    void bucketChangesAreKeptAsHistory() {
        book.loan("L1", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(1));
        scan(FIRST_DUE.plusDays(2));
        scan(FIRST_DUE.plusDays(30));
        book.pay("P1", "L1", FIRST_DUE.plusDays(31), new BigDecimal("200.00"));
        scan(FIRST_DUE.plusDays(31));

        assertThat(book.bucketHistory("L1"))
            .extracting(row -> row.get("FROM_BUCKET") + ">" + row.get("TO_BUCKET") + "@" + row.get("DPD"))
            .containsExactly("CURRENT>DPD_1_29@1", "DPD_1_29>DPD_30_59@30", "DPD_30_59>CURRENT@0");
        assertThat(book.overdueAmount("L1")).isEqualByComparingTo("0.00");
    }

    @Test
    void rescanOfTheSameDateAfterAPaymentRewritesThatDaysHistory() {
        book.loan("L1", FIRST_DUE, 12);
        book.loan("L2", FIRST_DUE, 12);
        scan(FIRST_DUE.plusDays(1));
        book.pay("P1", "L1", FIRST_DUE.plusDays(1), new BigDecimal("110.11"));
        scan(FIRST_DUE.plusDays(1));

        assertThat(book.bucketHistory("L1")).as("CURRENT>DPD_1_29>CURRENT on one day is no change").isEmpty();
        assertThat(book.bucketHistory("L2")).hasSize(1);
        assertThat(book.dpd("L1")).isZero();
    }

    @Test
    void sameDateTwiceChangesNothing() {
        book.loan("L1", FIRST_DUE, 12);
        book.loan("L2", FIRST_DUE.plusDays(40), 12);
        scan(FIRST_DUE.plusDays(45));
        var loans = book.count("SELECT COUNT(*) FROM bucket_history");
        var before = new JdbcTemplate(dataSource).queryForList("SELECT * FROM loan ORDER BY loan_no");
        var installments = new JdbcTemplate(dataSource).queryForList("SELECT * FROM installment ORDER BY loan_no, seq");

        scan(FIRST_DUE.plusDays(45));

        assertThat(book.count("SELECT COUNT(*) FROM bucket_history")).isEqualTo(loans);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT * FROM loan ORDER BY loan_no")).isEqualTo(before);
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT * FROM installment ORDER BY loan_no, seq"))
            .isEqualTo(installments);
    }

    @Test
    void configurableBucketBounds() {
        BucketPolicy policy = new BucketPolicy(List.of(5, 30, 60, 90, 180, 360));
        assertThat(policy.bucketOf(4)).isEqualTo(Bucket.CURRENT);
        assertThat(policy.bucketOf(5)).isEqualTo(Bucket.DPD_1_29);
        DelinquencyProperties properties = new DelinquencyProperties("-", BigDecimal.ZERO,
            List.of(5, 30, 60, 90, 180, 360), 200, 1, Duration.ofHours(2));
        book.loan("L1", FIRST_DUE, 12);
        new DelinquencyScanner(new NamedParameterJdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
            properties, dataSource).computeState(FIRST_DUE.plusDays(4));
        assertThat(book.dpd("L1")).isEqualTo(4);
        assertThat(book.bucket("L1")).isEqualTo("CURRENT");
    }
}
