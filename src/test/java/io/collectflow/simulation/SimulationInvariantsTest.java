package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.collectflow.arrangement.plan.HonoredPlanFreeze;
import io.collectflow.casework.CollectionCase;
import io.collectflow.casework.stage.StrategyVariantAssignment;
import io.collectflow.kpi.challenger.ChallengerReport;
import io.collectflow.kpi.challenger.ChallengerService;
import io.collectflow.kpi.KpiCalculator;
import io.collectflow.kpi.Kpis;
import io.collectflow.loan.delinquency.DelinquencyScanService;

/**
 * A small simulation (200 loans × 60 days by default) on the real engine and models, with half of the new cases on the
 * challenger variant, checked for the invariants a strategy analyst relies on: one case per delinquent loan,
 * every logged contact inside the window and under the caps, KPIs equal to the ledger, the variant share.
 */
class SimulationInvariantsTest {

    /** The size issue 10 names (≈ 20 s on an idle 2-core machine); -Dsimulation.test.loans/days/seed for others */
    private static final int LOANS = Integer.getInteger("simulation.test.loans", 200);
    private static final int DAYS = Integer.getInteger("simulation.test.days", 60);
    private static final long SEED = Long.getLong("simulation.test.seed", 42L);
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final LocalTime WINDOW_START = LocalTime.of(9, 0);
    private static final LocalTime WINDOW_END = LocalTime.of(21, 0);

    private static Simulator simulator;
    private static SimulationResult result;
    private static JdbcTemplate jdbc;
    private static LocalDate lastDay;

    @BeforeAll
    static void simulate() {
        SimulationSettings settings = new SimulationSettings(LOANS, DAYS, SEED, START, 2, 80, 0.10,
            List.of("expanded"), Path.of("target/simulation-test"), false, "activity");
        simulator = Simulator.start("expanded", settings, "--collectflow.case.challenger.share=0.5",
            "--collectflow.case.challenger.variant=short");
        result = simulator.run(day -> { });
        jdbc = simulator.jdbc();
        lastDay = START.plusDays(DAYS - 1);
        // cases a process ended during the last day are replaced by the next scan: run it for the last day again
        simulator.context().getBean(DelinquencyScanService.class).scan(lastDay);
    }

    @AfterAll
    static void close() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void theDaySeriesShowsTheQueueTheStaffLeftAndEveryCollectorTaskIsDue() {
        assertThat(result.days()).allSatisfy(p -> assertThat(p.tasksPastDue()).as("past due on " + p.day())
            .isBetween(0L, p.openTasks()));
        assertThat(result.days()).anySatisfy(p -> assertThat(p.openTasks()).isPositive());
        Long withoutDueDate = jdbc.queryForObject("""
            SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
             WHERE d.KEY_ = ? AND t.DUE_DATE_ IS NULL""", Long.class, CollectionCase.PROCESS_KEY);
        Long caseTasks = jdbc.queryForObject("""
            SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
             WHERE d.KEY_ = ?""", Long.class, CollectionCase.PROCESS_KEY);
        assertThat(caseTasks).as("collectors' tasks open at the end").isPositive();
        assertThat(withoutDueDate).as("collectors' tasks without a due date").isZero();
    }

    @Test
    void theSimulationWorkedCasesThroughTheEngine() {
        assertThat(result.casesOpened()).as("cases opened").isGreaterThan(5);
        assertThat(result.tasksCompleted()).as("tasks completed").isGreaterThan(10);
        assertThat(result.jobsExecuted()).isGreaterThan(50);
        assertThat(result.taskErrors()).as("task completions the models rejected").isEmpty();
        assertThat(result.jobFailures()).as("failed jobs").isEmpty();
        assertThat(result.days()).hasSize(DAYS);
        assertThat(simulator.context().getBean(ProcessEngine.class).getProcessEngineConfiguration().getHistory())
            .as("the settings' history level (the simulator's default)").isEqualTo("activity");
        Long cured = jdbc.queryForObject("SELECT COUNT(*) FROM collection_case WHERE status = 'CURED'", Long.class);
        assertThat(cured).as("cases cured by payments").isPositive();
        // promises kept by a payment that cured the loan are decided by the nightly settlement, which the simulated day runs
        Long kept = jdbc.queryForObject("SELECT COUNT(*) FROM promise_to_pay WHERE status = 'KEPT'", Long.class);
        assertThat(kept).as("promises settled as kept").isPositive();
        // cases are stamped with the simulated time, not the machine's
        Timestamp lastOpened = jdbc.queryForObject("SELECT MAX(opened_at) FROM collection_case", Timestamp.class);
        assertThat(lastOpened.toInstant()).as("the last case's opening time")
            .isBefore(lastDay.plusDays(1).atStartOfDay(Simulator.ZONE).toInstant())
            .isAfter(START.atStartOfDay(Simulator.ZONE).toInstant());
    }

    @Test
    void everyDelinquentLoanHasExactlyOneCase() {
        List<String> delinquent = jdbc.queryForList("SELECT loan_no FROM loan WHERE dpd > 0 AND status = 'ACTIVE'",
            String.class);
        assertThat(delinquent).isNotEmpty();
        Map<String, Long> activeCases = new HashMap<>();
        jdbc.queryForList("SELECT loan_no, COUNT(*) AS n FROM collection_case WHERE status = 'ACTIVE' GROUP BY loan_no")
            .forEach(row -> activeCases.put((String) row.get("loan_no"), ((Number) row.get("n")).longValue()));
        RuntimeService runtime = simulator.context().getBean(RuntimeService.class);
        for (String loanNo : delinquent) {
            assertThat(activeCases.get(loanNo)).as("active cases of " + loanNo).isEqualTo(1L);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY)
                .processInstanceBusinessKey(loanNo).count()).as("running case processes of " + loanNo).isEqualTo(1);
        }
        assertThat(activeCases.values()).allMatch(n -> n == 1);
    }

    @Test
    void noContactOutsideTheWindowOrAboveTheCaps() {
        assertThat(result.offHoursAttempts()).as("attempts outside the window").isPositive();
        assertThat(result.blockedByGuard()).as("completions the guard refused").isPositive();
        List<Map<String, Object>> contacts = jdbc.queryForList("""
            SELECT k.borrower_id, k.channel, k.occurred_at, b.timezone FROM contact_log k
              JOIN borrower b ON b.borrower_id = k.borrower_id ORDER BY k.occurred_at""");
        assertThat(contacts).hasSizeGreaterThan(10);
        Map<String, Integer> perDay = new HashMap<>();
        Map<String, Set<LocalDate>> callDays = new HashMap<>();
        for (Map<String, Object> c : contacts) {
            ZonedDateTime local = ((Timestamp) c.get("occurred_at")).toInstant().atZone(ZoneId.of((String) c.get("timezone")));
            String channel = (String) c.get("channel");
            assertThat(local.toLocalTime()).as(channel + " contact at " + local)
                .isAfterOrEqualTo(WINDOW_START).isBefore(WINDOW_END);
            String cap = channel.equals("call") || channel.equals("voice") ? "call" : channel;
            int n = perDay.merge(c.get("borrower_id") + "/" + cap + "/" + local.toLocalDate(), 1, Integer::sum);
            assertThat(n).as(cap + " contacts of " + c.get("borrower_id") + " on " + local.toLocalDate())
                .isLessThanOrEqualTo(cap.equals("call") ? 3 : cap.equals("sms") ? 1 : Integer.MAX_VALUE);
            if (cap.equals("call")) {
                callDays.computeIfAbsent((String) c.get("borrower_id"), b -> new TreeSet<>()).add(local.toLocalDate());
            }
        }
        // after calls on 3 days in a row, 2 days of rest
        callDays.forEach((borrower, days) -> days.forEach(d -> {
            if (days.contains(d.plusDays(1)) && days.contains(d.plusDays(2))) {
                assertThat(days).as("calls to " + borrower + " after 3 days in a row from " + d)
                    .doesNotContain(d.plusDays(3), d.plusDays(4));
            }
        }));
    }

    @Test
    void kpisAgreeWithTheLedger() {
        Kpis kpis = simulator.context().getBean(KpiCalculator.class).compute(lastDay);
        Map<String, Integer> dpd = contractualDpd(lastDay);
        for (int threshold : new int[] {30, 60, 90}) {
            long fromLedger = dpd.values().stream().filter(days -> days >= threshold).count();
            assertThat(kpis.overdueRates().get(String.valueOf(threshold)).loans())
                .as("loans %d+ days past due: KPI vs the ledger (%s)", threshold, dpd).isEqualTo(fromLedger);
        }
        // a written-off loan has left the book: neither active nor overdue in the KPIs
        Long active = jdbc.queryForObject("SELECT COUNT(*) FROM loan WHERE status = 'ACTIVE'", Long.class);
        assertThat(kpis.activeLoans()).isEqualTo(active);
        BigDecimal ledger = jdbc.queryForObject("SELECT SUM(amount) FROM payment WHERE payment_ref LIKE '%-S%'",
            BigDecimal.class);
        assertThat(ledger).as("payments in the ledger vs those the simulated borrowers made")
            .isEqualByComparingTo(result.paymentsAmount());
        BigDecimal month = jdbc.queryForObject("SELECT SUM(amount) FROM payment WHERE paid_on > ? AND paid_on <= ?",
            BigDecimal.class, lastDay.minusMonths(1), lastDay);
        assertThat(kpis.operations().recovered()).isNotNegative().isLessThanOrEqualTo(month);
    }

    /**
     * The scan's DPD is the contract's, except that a loan whose repayment plan is honored keeps the DPD it had when
     * the plan was confirmed (README "What counts as overdue while a plan is honored"): never more than the contract's.
     */
    @Test
    void theScanDpdIsTheContractsUnlessAPlanIsHonored() {
        Map<String, Integer> ledger = contractualDpd(lastDay);
        HonoredPlanFreeze plans = simulator.context().getBean(HonoredPlanFreeze.class);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        for (Map<String, Object> loan : jdbc.queryForList("SELECT loan_no, dpd FROM loan WHERE status = 'ACTIVE'")) {
            String loanNo = (String) loan.get("loan_no");
            int scanned = ((Number) loan.get("dpd")).intValue();
            if (plans.honors(named, loanNo, lastDay) && scanned > 0) {
                assertThat(scanned).as("DPD of %s under an honored plan", loanNo).isLessThanOrEqualTo(ledger.get(loanNo));
            } else {
                assertThat(scanned).as("DPD of %s: the scan vs the ledger", loanNo).isEqualTo(ledger.get(loanNo));
            }
        }
        Long confirmed = jdbc.queryForObject("SELECT COUNT(*) FROM repayment_plan WHERE confirmed_at IS NOT NULL",
            Long.class);
        assertThat(confirmed).as("plans the simulated borrowers confirmed").isPositive();
    }

    /** Each active loan's DPD on {@code day} by the contract, worked out here from installments and allocations. */
    private static Map<String, Integer> contractualDpd(LocalDate day) {
        Map<String, BigDecimal> paid = new HashMap<>();
        jdbc.query("""
            SELECT loan_no, seq, amount FROM payment_allocation
             WHERE paid_on <= ? AND component IN ('PRINCIPAL', 'INTEREST')""",
            (RowCallbackHandler) rs -> {
                paid.merge(rs.getString("loan_no") + "#" + rs.getInt("seq"), rs.getBigDecimal("amount"), BigDecimal::add);
            }, day);
        Map<String, Integer> dpd = new TreeMap<>();
        jdbc.query("""
            SELECT i.loan_no, i.seq, i.due_on, i.principal_due + i.interest_due AS due FROM installment i
              JOIN loan l ON l.loan_no = i.loan_no WHERE l.status = 'ACTIVE' ORDER BY i.loan_no, i.due_on""",
            (RowCallbackHandler) rs -> {
                String loanNo = rs.getString("loan_no");
                LocalDate due = rs.getDate("due_on").toLocalDate();
                BigDecimal unpaid = rs.getBigDecimal("due").subtract(
                    paid.getOrDefault(loanNo + "#" + rs.getInt("seq"), BigDecimal.ZERO));
                int current = dpd.getOrDefault(loanNo, 0);
                dpd.put(loanNo, current == 0 && due.isBefore(day) && unpaid.signum() > 0
                    ? (int) ChronoUnit.DAYS.between(due, day) : current);
            });
        return dpd;
    }

    @Test
    void challengerShareIsWithinToleranceAndRecordedOnEveryCase() {
        StrategyVariantAssignment variants = simulator.context().getBean(StrategyVariantAssignment.class);
        List<Map<String, Object>> cases = jdbc.queryForList("SELECT loan_no, strategy_variant FROM collection_case");
        Map<String, Object> variantOfLoan = new HashMap<>();
        for (Map<String, Object> c : cases) {
            String loanNo = (String) c.get("loan_no");
            assertThat(c.get("strategy_variant")).as("variant of the case of " + loanNo).isEqualTo(variants.variantFor(loanNo));
            variantOfLoan.put(loanNo, c.get("strategy_variant"));
        }
        // per loan, not per case: a loan's re-opened cases keep its arm, so cases are not independent draws
        int loans = variantOfLoan.size();
        double share = variantOfLoan.values().stream().filter("short"::equals).count() / (double) loans;
        // 3 standard deviations of a binomial share of 0.5
        assertThat(share).isBetween(0.5 - 3 * Math.sqrt(0.25 / loans), 0.5 + 3 * Math.sqrt(0.25 / loans));
        long manyChallenger = 0;
        for (int i = 0; i < 20_000; i++) {
            manyChallenger += variants.variantFor(String.format("L%07d", i)).equals("short") ? 1 : 0;
        }
        assertThat(manyChallenger / 20_000.0).as("challenger share over 20,000 loan numbers").isBetween(0.48, 0.52);
    }

    @Test
    void theLiveComparisonAccountsForEveryCaseOfTheRun() {
        ChallengerReport report = simulator.context().getBean(ChallengerService.class)
            .compare(START, lastDay, "expanded", "short", 0.5);

        List<Map<String, Object>> cases = jdbc.queryForList(
            "SELECT strategy_variant, status, opened_on, closed_on FROM collection_case");
        assertThat(report.arms()).extracting(ChallengerReport.Arm::strategy).containsExactly("expanded", "short");
        for (ChallengerReport.Arm arm : report.arms()) {
            List<Map<String, Object>> mine = cases.stream().filter(c -> arm.strategy().equals(c.get("strategy_variant")))
                .toList();
            assertThat(arm.cases()).isEqualTo(mine.size());
            // cured within 30 days, of the cases opened at least 30 days before the last day, counted here by hand
            List<Map<String, Object>> old = mine.stream()
                .filter(c -> !date(c.get("opened_on")).plusDays(30).isAfter(lastDay)).toList();
            long cured = old.stream().filter(c -> "CURED".equals(c.get("status"))
                && !date(c.get("closed_on")).isAfter(date(c.get("opened_on")).plusDays(30))).count();
            assertThat(arm.cure30().cases()).as(arm.strategy()).isEqualTo(old.size());
            assertThat(arm.cure30().events()).as(arm.strategy()).isEqualTo(cured);
            assertThat(arm.cure30().ci95Low()).isLessThanOrEqualTo(arm.cure30().rate());
        }
        assertThat(report.differences()).hasSize(4);
        assertThat(report.assignment().cases()).isEqualTo(cases.size());
        assertThat(report.assignment().p()).as("the loan-number draw splits the cases as configured").isGreaterThan(0.001);
    }

    private static LocalDate date(Object value) {
        return ((java.sql.Date) value).toLocalDate();
    }

    @Test
    void reportFilesHoldTheSeriesAndTheKpis(@TempDir Path dir) throws Exception {
        List<Path> files = new SimulationReport(List.of(result)).write(dir);
        String days = Files.readString(dir.resolve("days.csv"));
        assertThat(days.lines()).hasSize(DAYS + 1);
        assertThat(days).contains("expanded," + lastDay + ",");
        String kpis = Files.readString(dir.resolve("kpis.csv"));
        assertThat(kpis).contains("I1,overdueRateByCount,30+").contains("I7,overdueRate30,<");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg").contains("<polyline").doesNotContain("<script");
        assertThat(files).hasSize(3);
    }
}
