package io.collectflow.kpi.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.collectflow.casework.stage.CaseFixtures;
import io.collectflow.kpi.challenger.ChallengerReport.Arm;
import io.collectflow.loan.PlainDatabase;

/**
 * The live comparison on hand-made cases (each loan: installments of 1,000 + 50 a month), as of 2026-06-30:
 *
 * <pre>
 * arm       case  opened      outcome                              overdue at start / paid in 90 days
 * expanded  E1    2026-01-10  cured 01-25 (15 days)                1050 / 1050
 *           E2    2026-01-10  cured 03-01 (50 days)                1050 / 525
 *           E3    2026-02-01  active, 30 DPD on 03-02 (29 days)    1050 / 0
 *           E4    2026-06-15  active (too young for any metric)
 * short     S1    2026-01-05  cured 01-20 (15 days)                1050 / 1050
 *           S2    2026-02-10  active, 35 DPD on 04-20 (69 days)    1050 / 0
 *           S3    2026-05-15  active (old enough for cure30 only)
 * (none)    N1    2026-03-01  active
 *           X     2025-01-01  before the window, left out
 * </pre>
 */
abstract class ChallengerServiceContract {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private PlainDatabase db;
    private CaseFixtures loans;
    private ChallengerService service;

    /** A database with our schema, the same for every test of the class. */
    abstract PlainDatabase database();

    @BeforeEach
    void emptyBook() {
        db = database();
        for (String table : List.of("payment_allocation", "payment", "bucket_history", "collection_case", "installment",
                "loan", "borrower")) {
            db.jdbc.update("DELETE FROM " + table);
        }
        loans = new CaseFixtures(db.jdbc);
        service = new ChallengerService(JdbcClient.create(db.dataSource));
    }

    /** A case of a loan whose first installment fell due on {@code firstDue}. */
    private String caseOf(String variant, LocalDate firstDue, LocalDate opened, LocalDate curedOn) {
        String loanNo = loans.loan(0, firstDue);
        db.jdbc.update("""
            INSERT INTO collection_case (loan_no, status, active_loan_no, opened_on, closed_on, strategy_variant, opened_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""", loanNo, curedOn == null ? "ACTIVE" : "CURED", curedOn == null ? loanNo : null,
            Date.valueOf(opened), curedOn == null ? null : Date.valueOf(curedOn), variant,
            Timestamp.valueOf(opened.atTime(1, 0)));
        return loanNo;
    }

    private void paid(String loanNo, LocalDate on, String principal, String interest) {
        String ref = "P-" + loanNo + "-" + on;
        db.jdbc.update("INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at) VALUES (?, ?, ?, ?,"
            + " 'bank', ?)", ref, loanNo, Date.valueOf(on), new BigDecimal(principal).add(new BigDecimal(interest)),
            Timestamp.valueOf(on.atTime(12, 0)));
        db.jdbc.update("INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on) VALUES"
            + " (?, ?, 1, 'PRINCIPAL', ?, ?), (?, ?, 1, 'INTEREST', ?, ?)", ref, loanNo, new BigDecimal(principal),
            Date.valueOf(on), ref, loanNo, new BigDecimal(interest), Date.valueOf(on));
    }

    private void reached(String loanNo, LocalDate on, int dpd) {
        db.jdbc.update("INSERT INTO bucket_history (loan_no, as_of, from_bucket, to_bucket, dpd, overdue_amount)"
            + " VALUES (?, ?, 'DPD_1_29', 'DPD_30_59', ?, 1050)", loanNo, Date.valueOf(on), dpd);
    }

    private void portfolio() {
        String e1 = caseOf("expanded", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 25));
        paid(e1, LocalDate.of(2026, 1, 25), "1000", "50");
        String e2 = caseOf("expanded", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 1));
        paid(e2, LocalDate.of(2026, 2, 20), "500", "25");
        String e3 = caseOf("expanded", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1), null);
        reached(e3, LocalDate.of(2026, 3, 2), 46);
        caseOf("expanded", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 15), null);
        String s1 = caseOf("short", LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20));
        paid(s1, LocalDate.of(2026, 1, 20), "1000", "50");
        String s2 = caseOf("short", LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 10), null);
        reached(s2, LocalDate.of(2026, 4, 20), 79);
        caseOf("short", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 15), null);
        caseOf(null, LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 1), null);
        caseOf("short", LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 1), null);
    }

    private static Arm arm(ChallengerReport report, String strategy) {
        return report.arms().stream().filter(a -> a.strategy().equals(strategy)).findFirst().orElseThrow();
    }

    @Test
    void eachArmCountsTheCasesOldEnoughForEachMetric() {
        portfolio();

        ChallengerReport report = service.compare(AS_OF.minusDays(365), AS_OF, "expanded", "short", 0.5);

        assertThat(report.arms()).extracting(Arm::strategy).containsExactly("(none)", "expanded", "short");
        Arm expanded = arm(report, "expanded");
        assertThat(expanded.cases()).isEqualTo(4);
        assertThat(expanded.cure30()).extracting("cases", "events").containsExactly(3L, 1L);
        assertThat(expanded.cure90()).extracting("cases", "events").containsExactly(3L, 2L);
        assertThat(expanded.roll30()).extracting("cases", "events").containsExactly(3L, 1L);
        assertThat(expanded.recovery90().cases()).isEqualTo(3);
        assertThat(expanded.recovery90().overdueAtStart()).isEqualByComparingTo("3150");
        assertThat(expanded.recovery90().recovered()).isEqualByComparingTo("1575");
        assertThat(expanded.recovery90().rate()).isCloseTo(0.5, within(1e-12));
        Arm challenger = arm(report, "short");
        assertThat(challenger.cases()).as("the case before the window is left out").isEqualTo(3);
        assertThat(challenger.cure30()).extracting("cases", "events").containsExactly(3L, 1L);
        assertThat(challenger.cure90()).extracting("cases", "events").containsExactly(2L, 1L);
        assertThat(challenger.roll30()).as("30 DPD only after 69 days").extracting("cases", "events")
            .containsExactly(2L, 0L);
        assertThat(challenger.recovery90().rate()).isCloseTo(0.5, within(1e-12));
        assertThat(arm(report, "(none)").cure30()).extracting("cases", "events").containsExactly(1L, 0L);
    }

    @Test
    void theDifferencesAreChallengerMinusChampionWithTheirIntervals() {
        portfolio();

        ChallengerReport report = service.compare(AS_OF.minusDays(365), AS_OF, "expanded", "short", 0.5);

        assertThat(report.differences()).extracting(ChallengerReport.Comparison::metric)
            .containsExactlyElementsOf(ChallengerReport.METRICS);
        ChallengerReport.Comparison cure90 = report.differences().get(1);
        assertThat(cure90.champion()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(cure90.challenger()).isCloseTo(0.5, within(1e-12));
        assertThat(cure90.difference()).isCloseTo(0.5 - 2 / 3.0, within(1e-12));
        ArmStatistics.Difference expected = ArmStatistics.difference(ArmStatistics.Share.of(3, 2),
            ArmStatistics.Share.of(2, 1));
        assertThat(cure90.ci95Low()).isCloseTo(expected.low(), within(1e-12));
        assertThat(cure90.p()).isCloseTo(expected.p(), within(1e-12));
        assertThat(cure90.clear()).as("five cases say nothing").isFalse();
        // recovery: 0.5 both; standard errors 0.288675 (1050, 525, 0 of 1050) and 0.5 (1050, 0 of 1050)
        ChallengerReport.Comparison recovery = report.differences().get(3);
        assertThat(recovery.difference()).isCloseTo(0, within(1e-12));
        assertThat(recovery.ci95High()).isCloseTo(ArmStatistics.Z95 * Math.sqrt(1 / 12.0 + 0.25), within(1e-9));
        assertThat(recovery.p()).isCloseTo(1, within(1e-12));
        // 3 of 7 cases on the challenger at a configured half
        assertThat(report.assignment()).extracting("cases", "challengerCases").containsExactly(7L, 3L);
        assertThat(report.assignment().observedShare()).isCloseTo(3 / 7.0, within(1e-12));
        assertThat(report.assignment().p()).isCloseTo(ArmStatistics.assignmentP(7, 3, 0.5), within(1e-12));
    }

    @Test
    void aWindowOrPairWithoutCasesAnswersWithoutFigures() {
        portfolio();

        ChallengerReport report = service.compare(AS_OF.minusDays(5), AS_OF, "expanded", "pilot-x", Double.NaN);

        assertThat(report.arms()).isEmpty();
        assertThat(report.differences()).allSatisfy(d -> assertThat(d.difference()).isNull());
        assertThat(report.configuredShare()).isNull();
        assertThat(report.assignment().p()).isNull();
        ChallengerReport same = service.compare(AS_OF.minusDays(365), AS_OF, "expanded", "expanded", 0.2);
        assertThat(same.differences()).isEmpty();
        assertThat(same.assignment().cases()).as("each case once").isEqualTo(4);
        assertThatThrownBy(() -> service.compare(AS_OF, AS_OF.minusDays(1), "expanded", "short", 0.2))
            .hasMessageContaining("must not be after");
    }
}
