package io.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPIs of {@link KpiFixture} worked out by hand; run against H2 and PostgreSQL by the subclasses.
 * Staff time is fixed here (collector1: 2 tasks, 2 h; collector2: 1 task, 1 h); the engine's
 * task history is read in {@link KpiApiTest}.
 */
abstract class KpiCalculationContract {

    static final KpiProperties PROPERTIES = new KpiProperties("-", new BigDecimal("30.00"),
        Map.of("call", new BigDecimal("0.80"), "sms", new BigDecimal("0.05"), "visit", new BigDecimal("25.00")),
        List.of("ANSWERED", "VISITED"), "/camunda/app/cockpit/default/#/process-instance/",
        new KpiProperties.Targets(null, null));

    static final StaffTime FIXED_STAFF_TIME = new StaffTime() {
        @Override
        public Map<String, BigDecimal> hoursByAssignee(LocalDate from, LocalDate to) {
            return Map.of("collector1", new BigDecimal("2.00"), "collector2", new BigDecimal("1.00"));
        }

        @Override
        public Map<String, Long> tasksByAssignee(LocalDate from, LocalDate to) {
            return Map.of("collector1", 2L, "collector2", 1L);
        }
    };

    /** collector1 works in the first-line team, collector2 in the second line */
    static final Teams FIXED_TEAMS = collectors -> Map.of("collector1", "collectors-l1", "collector2", "collectors-l2");

    abstract DataSource dataSource();

    KpiCalculator calculator() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        KpiFixture.load(jdbc);
        Buckets buckets = new Buckets(List.of(1, 30, 60, 90, 180, 360));
        SchemaProbe schema = new SchemaProbe(dataSource());
        return new KpiCalculator(new PortfolioQueries(jdbc, buckets, BigDecimal.ZERO.setScale(2)), new CaseQueries(jdbc),
            new OperationsQueries(jdbc, schema, FIXED_STAFF_TIME, new TableComplaintCounter(jdbc, schema),
                (from, to) -> BigDecimal.ZERO, PROPERTIES),
            buckets, new KpiTargets(PROPERTIES.targets()), FIXED_TEAMS);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void overdueRatesOnTheReferenceDay() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        // active on 03-31: A (1000 − 300 paid = 700), B (2000), C (5000: the principal paid 04-10 is later),
        // D (3000 − 300 = 2700); E is paid off, F disbursed 04-05 → 4 loans, 10400 outstanding
        assertThat(kpis.activeLoans()).isEqualTo(4);
        assertThat(kpis.outstandingPrincipal()).isEqualByComparingTo("10400");
        // DPD: A 0; B 01-01 → 03-31 = 31 + 28 + 30 = 89; C #1 (only its interest paid) 2025-10-01 → 181;
        // D #1 short by 0.01 > tolerance 0.00 → 03-01 → 03-31 = 30
        // ≥30: B, C, D = 3/4; balance 2000 + 5000 + 2700 = 9700 / 10400 = 0.932692
        assertRate(kpis.overdueRates().get("30"), "0.750000", "0.932692");
        // ≥60: B, C = 2/4; 7000 / 10400
        assertRate(kpis.overdueRates().get("60"), "0.500000", "0.673077");
        // ≥90 and ≥180: C alone; 5000 / 10400
        assertRate(kpis.overdueRates().get("90"), "0.250000", "0.480769");
        assertRate(kpis.overdueRates().get("180"), "0.250000", "0.480769");
        assertRate(kpis.overdueRates().get("360"), "0.000000", "0.000000");
        assertThat(kpis.loansByBucket()).containsEntry("CURRENT", 1L).containsEntry("DPD_30_59", 1L)
            .containsEntry("DPD_60_89", 1L).containsEntry("DPD_180_359", 1L).containsEntry("DPD_90_179", 0L);
    }

    @Test
    void aPastDayIgnoresLaterPaymentsAndALaterDayCountsThem() {
        KpiCalculator calculator = calculator();
        // 03-31: C still owes #1's principal (paid only on 04-10) → DPD 181 ≥ 180
        assertThat(calculator.compute(KpiFixture.AS_OF).overdueRates().get("180").loans()).isEqualTo(1);
        // 04-15: F is disbursed (800 outstanding, nothing due) → 5 loans; C's oldest unpaid is #2 (11-01)
        // → DPD 165, B 01-01 → 104, D 03-01 → 45, A current (nothing due after 03-01)
        Kpis later = calculator.compute(LocalDate.of(2026, 4, 15));
        assertThat(later.activeLoans()).isEqualTo(5);
        // C's outstanding drops to 4500: 700 + 2000 + 4500 + 2700 + 800 = 10700
        assertThat(later.outstandingPrincipal()).isEqualByComparingTo("10700");
        assertRate(later.overdueRates().get("180"), "0.000000", "0.000000");
        // ≥90: B, C = 2/5; (2000 + 4500) / 10700 = 0.607477
        assertRate(later.overdueRates().get("90"), "0.400000", "0.607477");
        // ≥30: B, C, D = 3/5; 9200 / 10700 = 0.859813
        assertRate(later.overdueRates().get("30"), "0.600000", "0.859813");
    }

    @Test
    void slicesByProductAndRegion() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        Kpis.Slice consumer = slice(kpis, "product", "consumer");
        // A (700, current) and B (2000, DPD 89): ≥30 1/2; 2000 / 2700
        assertThat(consumer.activeLoans()).isEqualTo(2);
        assertRate(consumer.overdueRates().get("30"), "0.500000", "0.740741");
        Kpis.Slice business = slice(kpis, "product", "small_business");
        // C (5000, 181) and D (2700, 30): ≥90 1/2; 5000 / 7700 = 0.649351
        assertRate(business.overdueRates().get("90"), "0.500000", "0.649351");
        Kpis.Slice shanghai = slice(kpis, "region", "CN-SH");
        // A, B, D: ≥30 B and D = 2/3; 4700 / 5400
        assertRate(shanghai.overdueRates().get("30"), "0.666667", "0.870370");
        assertRate(slice(kpis, "region", "CN-GD").overdueRates().get("30"), "1.000000", "1.000000");
    }

    @Test
    void rollRatesFromTheEndOfFebruary() {
        Kpis.RollRates rolls = calculator().compute(KpiFixture.AS_OF).rollRates();
        // 02-28: A current (#1, #2 paid), B 01-01 → 58 (30-59), C 150 (90-179), D current (nothing due yet)
        // 03-31: A current, B 89 (60-89), C 181 (180-359), D 30 (30-59)
        assertThat(rolls.from()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(rolls.counts().get("CURRENT")).containsEntry("CURRENT", 1L).containsEntry("DPD_30_59", 1L);
        assertThat(rolls.rates().get("CURRENT")).containsEntry("CURRENT", d("0.500000")).containsEntry("DPD_30_59", d("0.500000"));
        assertThat(rolls.counts().get("DPD_30_59")).containsEntry("DPD_60_89", 1L);
        assertThat(rolls.rates().get("DPD_90_179")).containsEntry("DPD_180_359", d("1.000000"));
        assertThat(rolls.counts().get("DPD_1_29").values()).allMatch(n -> n == 0);
        // 2025-12-31 → 2026-01-31: A current → current (#1 paid 01-20), B current → 30 (01-01 unpaid),
        // E current → paid off (01-01), C 91 → 122 (stays 90-179); D not yet disbursed
        Kpis.RollRates january = calculator().rollRates(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 31));
        assertThat(january.counts().get("CURRENT")).containsEntry("CURRENT", 1L).containsEntry("DPD_30_59", 1L)
            .containsEntry("PAID_OFF", 1L);
        assertThat(january.counts().get("DPD_90_179")).containsEntry("DPD_90_179", 1L);
        assertThat(january.counts().values().stream().flatMap(row -> row.values().stream()).mapToLong(Long::longValue).sum())
            .isEqualTo(4);
    }

    @Test
    void aLoanWrittenOffLeavesTheBookFromItsWriteOffOn() {
        KpiCalculator calculator = calculator();
        JdbcClient jdbc = JdbcClient.create(dataSource());
        // B (2000, DPD 89) written off on 03-15; A's booking after the reference day changes nothing on it
        writeOff(jdbc, "KPI-B", "2026-03-15T10:00:00");
        writeOff(jdbc, "KPI-A", "2026-04-02T10:00:00");
        try {
            assertWrittenOffLoanLeftTheBook(calculator);
        } finally {
            // the fixture is shared by the other tests
            jdbc.sql("DELETE FROM accounting_event WHERE reference = 'test'").update();
        }
    }

    private static void assertWrittenOffLoanLeftTheBook(KpiCalculator calculator) {
        Kpis kpis = calculator.compute(KpiFixture.AS_OF);
        // active: A 700, C 5000, D 2700 = 8400; ≥30 C, D = 2/3, 7700 / 8400
        assertThat(kpis.activeLoans()).isEqualTo(3);
        assertThat(kpis.outstandingPrincipal()).isEqualByComparingTo("8400");
        assertRate(kpis.overdueRates().get("30"), "0.666667", "0.916667");
        assertRate(kpis.overdueRates().get("60"), "0.333333", "0.595238");
        assertThat(kpis.loansByBucket()).containsEntry("DPD_60_89", 0L);
        // B was 30-59 on 02-28 and is written off by 03-31
        assertThat(kpis.rollRates().counts().get("DPD_30_59")).containsEntry("WRITTEN_OFF", 1L).containsEntry("DPD_60_89", 0L);
        // the day before its write-off B is still on the book (A, B, C, D)
        assertThat(calculator.compute(LocalDate.of(2026, 3, 14)).activeLoans()).isEqualTo(4);
    }

    private static void writeOff(JdbcClient jdbc, String loanNo, String at) {
        jdbc.sql("""
            INSERT INTO accounting_event (loan_no, event_type, amount, reference, occurred_at)
            VALUES (?, 'WRITE_OFF', 100.00, 'test', ?)""").params(loanNo, LocalDateTime.parse(at)).update();
    }

    @Test
    void recoveryAndCure() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        // overdue at start (P + I due before opening, less paid before): A1 110, A2 #3 110 (#1, #2 paid before),
        // B 220, C 550, D 330. Paid in the first 90 days: A1 110, A2 110, D 329.99 → 549.99 / 1320
        assertBand(kpis.recoveryRates().get("WITHIN_90"), 5, "1320", "549.99", "0.416659");
        // opened by 01-01 (90 days before): C only; unpaid on day 90: 550, paid days 90-179 (01-15 interest): 50
        assertBand(kpis.recoveryRates().get("DAYS_90_179"), 1, "550", "50", "0.090909");
        // opened by 2025-10-02: C; unpaid on day 180: 500; paid since: nothing by 03-31
        assertBand(kpis.recoveryRates().get("DAYS_180_PLUS"), 1, "500", "0", "0.000000");
        // by strategy variant: A = B (220, nothing paid) + C (550, nothing in its first 90 days) → 0 / 770;
        // B = A1 110/110 + A2 110/110 + D 329.99/330 → 549.99 / 550 = 0.999982
        assertBand(kpis.recoveryByStrategy().get("A").get("WITHIN_90"), 2, "770", "0", "0.000000");
        assertBand(kpis.recoveryByStrategy().get("B").get("WITHIN_90"), 3, "550", "549.99", "0.999982");
        // 04-15: the 500 paid on 04-10 → 500 / 500
        assertBand(calculator().compute(LocalDate.of(2026, 4, 15)).recoveryRates().get("DAYS_180_PLUS"), 1, "500",
            "500", "1.000000");
        // cases open in (02-28, 03-31]: A2, B, C, D = 4; cured in it: A2 → 0.25
        assertThat(kpis.cure().casesInMonth()).isEqualTo(4);
        assertThat(kpis.cure().cureRate()).isEqualByComparingTo("0.25");
        // cohort opened 2024-12-31 < day ≤ 2026-01-01: C, not cured
        assertThat(kpis.cure().cohortCases()).isEqualTo(1);
        assertThat(kpis.cure().cureWithin90Days()).isEqualByComparingTo("0");
    }

    @Test
    void recoveryByRiskGradeAtTheCaseStartAndOverdueByTheGradeOnTheDay() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        // grade at the case's start (first score on or after the opening day): A1 LOW (01-02), A2 MEDIUM (03-02),
        // B MEDIUM (01-02; its HIGH of 03-06 is later), C HIGH, D MEDIUM. Within 90 days: LOW A1 110 / 110;
        // MEDIUM A2 110/110 + B 0/220 + D 329.99/330 → 439.99 / 660 = 0.666652; HIGH C 0 / 550
        assertBand(kpis.recoveryByRiskGrade().get("LOW").get("WITHIN_90"), 1, "110", "110", "1.000000");
        assertBand(kpis.recoveryByRiskGrade().get("MEDIUM").get("WITHIN_90"), 3, "660", "439.99", "0.666652");
        assertBand(kpis.recoveryByRiskGrade().get("HIGH").get("WITHIN_90"), 1, "550", "0", "0.000000");
        assertBand(kpis.recoveryByRiskGrade().get("HIGH").get("DAYS_90_179"), 1, "550", "50", "0.090909");
        assertThat(kpis.recoveryByRiskGrade().keySet()).containsExactly("LOW", "MEDIUM", "HIGH");
        // the grade on 03-31 (latest score): A MEDIUM (700, current), B HIGH (2000, DPD 89), C HIGH (5000, 181),
        // D MEDIUM (2700, DPD 30)
        Kpis.Slice high = slice(kpis, "riskGrade", "HIGH");
        assertThat(high.activeLoans()).isEqualTo(2);
        assertThat(high.outstandingPrincipal()).isEqualByComparingTo("7000");
        // ≥30: both; ≥90: C → 1/2, 5000 / 7000
        assertRate(high.overdueRates().get("30"), "1.000000", "1.000000");
        assertRate(high.overdueRates().get("90"), "0.500000", "0.714286");
        // ≥30: D → 1/2, 2700 / 3400 = 0.794118; the slice's recovery is by the grade at the start (A2, B, D)
        Kpis.Slice medium = slice(kpis, "riskGrade", "MEDIUM");
        assertRate(medium.overdueRates().get("30"), "0.500000", "0.794118");
        assertBand(medium.recoveryRates().get("WITHIN_90"), 3, "660", "439.99", "0.666652");
        // no active loan is LOW on 03-31, but A1 started LOW: the slice has no book, only its recovery
        Kpis.Slice low = slice(kpis, "riskGrade", "LOW");
        assertThat(low.activeLoans()).isZero();
        assertRate(low.overdueRates().get("30"), "0.000000", "0.000000");
        assertBand(low.recoveryRates().get("WITHIN_90"), 1, "110", "110", "1.000000");
        assertThat(kpis.slices()).filteredOn(s -> s.dimension().equals("riskGrade")).extracting(Kpis.Slice::value)
            .containsExactly("LOW", "MEDIUM", "HIGH");
        // on 04-15 D's LOW of 04-02 counts: LOW holds D alone (2700, DPD 45)
        Kpis later = calculator().compute(LocalDate.of(2026, 4, 15));
        assertThat(slice(later, "riskGrade", "LOW").activeLoans()).isEqualTo(1);
        // F (disbursed 04-05) was never scored
        assertThat(slice(later, "riskGrade", "(none)").activeLoans()).isEqualTo(1);
    }

    @Test
    void recoveryByStageCountsWhatWasPaidDuringEachStay() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        // FIRST_LINE stays, overdue at entry / paid in the stay: A1 110 (#1) / 110 (01-20, the day it left);
        // A2 330 − 220 paid before = 110 / 110 (03-10); B 220 / 0; C 550 / 0; D 330 / 329.99 → 549.99 / 1320
        assertBand(kpis.recoveryByStage().get("FIRST_LINE"), 5, "1320", "549.99", "0.416659");
        // SECOND_LINE: B from 02-15, #1 + #2 = 440 / 0; C from 11-01, #1 550 (#2 falls due that day) / 50
        // interest paid 01-15, the day C moved on (it counts for the stage left) → 50 / 990 = 0.050505
        assertBand(kpis.recoveryByStage().get("SECOND_LINE"), 2, "990", "50", "0.050505");
        // AGENCY: C from 01-15, #1..#4 2200 less the 50 paid that day = 2150 / nothing by 03-31
        assertBand(kpis.recoveryByStage().get("AGENCY"), 1, "2150", "0", "0.000000");
        assertThat(kpis.recoveryByStage().keySet()).containsExactly("FIRST_LINE", "SECOND_LINE", "AGENCY");
        // 04-15: the principal 500 paid 04-10 under the agency → 500 / 2150 = 0.232558
        assertBand(calculator().compute(LocalDate.of(2026, 4, 15)).recoveryByStage().get("AGENCY"), 1, "2150", "500",
            "0.232558");
        // 2025-12-31: only C's first two stays had begun; the second is still open → 550 / 0
        Map<String, Kpis.BandRecovery> december = calculator().compute(LocalDate.of(2025, 12, 31)).recoveryByStage();
        assertThat(december.keySet()).containsExactly("FIRST_LINE", "SECOND_LINE");
        assertBand(december.get("SECOND_LINE"), 1, "550", "0", "0.000000");
    }

    @Test
    void slicesByStrategyTeamAgencyAndCollector() {
        Kpis kpis = calculator().compute(KpiFixture.AS_OF);
        // collector = the latest COLLECTOR contact while the case was open: A2 collector2 (03-04), B collector1
        // (03-06); A1, C and D (visited by an agency user) have none
        Kpis.Slice collector1 = slice(kpis, "collector", "collector1");
        assertThat(collector1.activeLoans()).isNull();
        assertThat(collector1.overdueRates()).isNull();
        assertBand(collector1.recoveryRates().get("WITHIN_90"), 1, "220", "0", "0.000000");
        assertBand(slice(kpis, "collector", "collector2").recoveryRates().get("WITHIN_90"), 1, "110", "110", "1.000000");
        // A1 110/110 + C 0/550 + D 329.99/330 → 439.99 / 990 = 0.444434
        assertBand(slice(kpis, "collector", "(none)").recoveryRates().get("WITHIN_90"), 3, "990", "439.99", "0.444434");
        // teams from the collectors' groups
        assertBand(slice(kpis, "team", "collectors-l1").recoveryRates().get("WITHIN_90"), 1, "220", "0", "0.000000");
        assertBand(slice(kpis, "team", "collectors-l2").recoveryRates().get("WITHIN_90"), 1, "110", "110", "1.000000");
        // agency: C placed with beta on 01-15 while its case was open
        Kpis.Slice beta = slice(kpis, "agency", "beta");
        assertBand(beta.recoveryRates().get("DAYS_90_179"), 1, "550", "50", "0.090909");
        assertBand(slice(kpis, "agency", "(none)").recoveryRates().get("WITHIN_90"), 4, "770", "549.99", "0.714273");
        // strategy slices agree with recoveryByStrategy
        assertBand(slice(kpis, "strategy", "B").recoveryRates().get("WITHIN_90"), 3, "550", "549.99", "0.999982");
        assertThat(kpis.slices()).extracting(Kpis.Slice::dimension).containsAll(KpiCalculator.DIMENSIONS);
        // on 02-28 collector2's call of 03-04 has not happened: A2 had not even opened, B has no call yet
        Kpis february = calculator().compute(LocalDate.of(2026, 2, 28));
        assertThat(february.slices()).filteredOn(s -> s.dimension().equals("collector"))
            .extracting(Kpis.Slice::value).containsExactly("(none)");
    }

    @Test
    void operationsAndCostsInMarch() {
        Kpis.Operations ops = calculator().compute(KpiFixture.AS_OF).operations();
        assertThat(ops.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        // cases open some time in March: A2, B, C, D; opened in March: A2, D
        assertThat(ops.casesActive()).isEqualTo(4);
        assertThat(ops.casesOpened()).isEqualTo(2);
        // paid in March under an open case: A #3 110 (03-10, A2 closes that day) + D 329.99
        assertThat(ops.recovered()).isEqualByComparingTo("439.99");
        // staff 3 h × 30 = 90; channels: 3 calls × 0.80 + 2 sms × 0.05 + 1 visit × 25 = 27.50; total 117.50
        assertThat(ops.staffCost()).isEqualByComparingTo("90.00");
        assertThat(ops.contactsByChannel()).containsEntry("call", 3L).containsEntry("sms", 2L).containsEntry("visit", 1L);
        assertThat(ops.channelCost()).isEqualByComparingTo("27.50");
        assertThat(ops.totalCost()).isEqualByComparingTo("117.50");
        // 117.50 / 4 cases = 29.375 → 29.38; 117.50 / 439.99 = 0.267052
        assertThat(ops.costPerCase()).isEqualByComparingTo("29.38");
        assertThat(ops.costPerUnitRecovered()).isEqualByComparingTo("0.267052");
        // no complaint table on this schema → 0
        assertThat(ops.complaints()).isZero();
        // cases opened in March: A2 (03-02) first contact 03-04 call ANSWERED → 2 days;
        // D (03-02) first contact 03-03 sms → 1 day, first effective 03-20 visit → 18 days
        assertThat(ops.avgDaysToFirstAction()).isEqualByComparingTo("1.50");
        assertThat(ops.avgDaysToFirstEffectiveContact()).isEqualByComparingTo("10.00");
        // calls and visits: 4, reached (ANSWERED, VISITED): 3
        assertThat(ops.rightPartyContactRate()).isEqualByComparingTo("0.75");
        assertThat(ops.promiseKeptRate()).isNull();
    }

    @Test
    void targetsAreMissedByThisPortfolio() {
        List<Kpis.TargetStatus> targets = calculator().compute(KpiFixture.AS_OF).targets();
        assertThat(targets).extracting(Kpis.TargetStatus::kpi).containsExactly("overdueRate30", "overdueRate60",
            "overdueRate90", "recoveryWITHIN_90", "recoveryDAYS_90_179", "recoveryDAYS_180_PLUS");
        assertThat(targets).extracting(Kpis.TargetStatus::status).containsOnly(KpiTargets.MISSED);
        assertThat(targets.get(0).actual()).isEqualByComparingTo("0.75");
        assertThat(targets.get(0).target()).isEqualByComparingTo("0.05");
    }

    static Kpis.Slice slice(Kpis kpis, String dimension, String value) {
        return kpis.slices().stream().filter(s -> s.dimension().equals(dimension) && s.value().equals(value))
            .findFirst().orElseThrow();
    }

    static void assertRate(Kpis.OverdueRate rate, String byCount, String byBalance) {
        assertThat(rate.byCount()).isEqualTo(d(byCount));
        assertThat(rate.byBalance()).isEqualTo(d(byBalance));
    }

    static void assertBand(Kpis.BandRecovery band, long cases, String base, String recovered, String rate) {
        assertThat(band.cases()).isEqualTo(cases);
        assertThat(band.overdueAtStart()).isEqualByComparingTo(base);
        assertThat(band.recovered()).isEqualByComparingTo(recovered);
        assertThat(band.rate()).isEqualTo(d(rate));
    }
}
