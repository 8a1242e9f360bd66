package io.collectflow.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.collectflow.arrangement.plan.PlanSchedule;
import io.collectflow.risk.DmnFile;

/** Every rule of processes/plan-policy.dmn with its boundaries; the ability-to-pay and schedule arithmetic. */
class PlanPolicyDecisionTest {

    private static final DmnFile POLICY = new DmnFile("plan-policy");

    @ParameterizedTest(name = "affordable={0} n={1} deferral={2} {3} notKept={4} dpd={5} -> {6}")
    @CsvSource({
        "false, 3,  10, CASH_FLOW,    0, 20,  Rule_NotAffordable,           false",
        "true,  13, 10, CASH_FLOW,    0, 20,  Rule_TooLong,                 false",
        "true,  12, 91, UNEMPLOYMENT, 0, 20,  Rule_LongDeferral,            false",
        "true,  6,  31, FORGOT,       0, 20,  Rule_DeferralWithoutHardship, false",
        "true,  6,  90, UNEMPLOYMENT, 3, 20,  Rule_RepeatedBrokenPromises,  false",
        "true,  6,  20, MALICIOUS,    0, 20,  Rule_MaliciousDefault,        false",
        "true,  6,  10, CASH_FLOW,    2, 20,  Rule_RepeatedBrokenPromises,  false",
        "true,  7,  10, CASH_FLOW,    1, 90,  Rule_LateStageExtension,      false",
        "true,  6,  30, FORGOT,       1, 120, Rule_WithinPolicy,            true",
        "true,  12, 10, OTHER,        0, 89,  Rule_WithinPolicy,            true"})
    void policy(boolean affordable, int installments, int deferralDays, String reason, int notKept, int dpd, String rule,
            boolean withinPolicy) {
        Map<String, Object> in = new HashMap<>();
        in.put("affordable", affordable);
        in.put("installments", installments);
        in.put("deferralDays", deferralDays);
        in.put("overdueReason", reason);
        in.put("notKeptPromises", notKept);
        in.put("dpd", dpd);
        DmnFile.Result r = POLICY.evaluate(in);
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(r.get("withinPolicy")).isEqualTo(withinPolicy);
        assertThat((String) r.get("policyNote")).isNotBlank();
    }

    @Test
    void abilityToPayAndSchedule() {
        assertThat(PlanSchedule.maxAffordable(new BigDecimal("3000"), new BigDecimal("200"), new BigDecimal("0.4")))
            .isEqualByComparingTo("1000");
        assertThat(PlanSchedule.maxAffordable(new BigDecimal("500"), new BigDecimal("300"), new BigDecimal("0.4")))
            .isEqualByComparingTo("0");
        List<PlanSchedule.Installment> schedule = PlanSchedule.installments(new BigDecimal("1000.00"), 3,
            LocalDate.of(2026, 1, 31));
        assertThat(schedule).extracting(PlanSchedule.Installment::amount).map(BigDecimal::toPlainString)
            .containsExactly("333.33", "333.33", "333.34");
        assertThat(schedule).extracting(PlanSchedule.Installment::dueOn)
            .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }

    @AfterAll
    static void everyRuleWasTested() {
        assertThat(POLICY.untestedRules()).isEmpty();
    }
}
