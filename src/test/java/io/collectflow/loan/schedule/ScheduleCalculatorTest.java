package io.collectflow.loan.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScheduleCalculatorTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static BigDecimal sum(List<ScheduledInstallment> rows, java.util.function.Function<ScheduledInstallment, BigDecimal> f) {
        return rows.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void annuityOfTwelveThousandAtTwelvePercent() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("12000.00"), d("0.12"), 12, LocalDate.of(2026, 2, 15));

        assertThat(rows).hasSize(12);
        // level payment 12000 * 0.01 / (1 - 1.01^-12) = 1066.1854… → 1066.19
        assertThat(rows.get(0).interestDue()).isEqualByComparingTo("120.00");
        assertThat(rows.get(0).principalDue()).isEqualByComparingTo("946.19");
        // balance 11053.81 * 0.01 = 110.5381 → 110.54
        assertThat(rows.get(1).interestDue()).isEqualByComparingTo("110.54");
        assertThat(rows.get(1).principalDue()).isEqualByComparingTo("955.65");
        for (ScheduledInstallment row : rows.subList(0, 11)) {
            assertThat(row.total()).isEqualByComparingTo("1066.19");
        }
        assertThat(sum(rows, ScheduledInstallment::principalDue)).isEqualByComparingTo("12000.00");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.principalDue().scale()).isEqualTo(2);
            assertThat(r.interestDue().scale()).isEqualTo(2);
        });
    }

    @Test
    void lastInstallmentAbsorbsTheRounding() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("1000.00"), d("0.10"), 3, LocalDate.of(2026, 1, 10));
        // level payment 1000 * r / (1 - (1+r)^-3), r = 0.1/12 → 338.9043… → 338.90 each
        assertThat(rows.get(0).total()).isEqualByComparingTo("338.90");
        assertThat(rows.get(1).total()).isEqualByComparingTo("338.90");
        BigDecimal paidBeforeLast = rows.get(0).principalDue().add(rows.get(1).principalDue());
        assertThat(rows.get(2).principalDue()).isEqualByComparingTo(d("1000.00").subtract(paidBeforeLast));
        // 8.33 + 330.57, 5.58 + 333.32, then the remaining 336.11 + 2.80 interest
        assertThat(rows.get(0).interestDue()).isEqualByComparingTo("8.33");
        assertThat(rows.get(1).interestDue()).isEqualByComparingTo("5.58");
        assertThat(rows.get(2).principalDue()).isEqualByComparingTo("336.11");
        assertThat(rows.get(2).total()).isEqualByComparingTo("338.91");
        assertThat(sum(rows, ScheduledInstallment::principalDue)).isEqualByComparingTo("1000.00");
    }

    @Test
    void roundsHalfUp() {
        // 1000.50 * 0.01 = 10.005 → 10.01 (half-even would give 10.00)
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("1000.50"), d("0.12"), 1, LocalDate.of(2026, 3, 1));
        assertThat(rows.get(0).interestDue()).isEqualByComparingTo("10.01");
        assertThat(rows.get(0).principalDue()).isEqualByComparingTo("1000.50");
    }

    @Test
    void dueDatesClampToMonthEndAndKeepTheDayOfMonth() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("400.00"), d("0.12"), 4, LocalDate.of(2023, 1, 31));
        assertThat(rows).extracting(ScheduledInstallment::dueOn).containsExactly(LocalDate.of(2023, 1, 31),
            LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 30));
    }

    @Test
    void leapYearFebruaryHasTheTwentyNinth() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("300.00"), d("0.12"), 3, LocalDate.of(2024, 1, 31));
        assertThat(rows).extracting(ScheduledInstallment::dueOn).containsExactly(LocalDate.of(2024, 1, 31),
            LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31));
        List<ScheduledInstallment> fromLeapDay = ScheduleCalculator.annuity(d("1300.00"), d("0.12"), 13,
            LocalDate.of(2024, 2, 29));
        assertThat(fromLeapDay.get(1).dueOn()).isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(fromLeapDay.get(12).dueOn()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void zeroRateSplitsThePrincipalEvenly() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("1000.00"), BigDecimal.ZERO, 3, LocalDate.of(2026, 5, 5));
        assertThat(rows).extracting(ScheduledInstallment::principalDue).usingElementComparator(BigDecimal::compareTo)
            .containsExactly(d("333.33"), d("333.33"), d("333.34"));
        assertThat(rows).extracting(ScheduledInstallment::interestDue).allSatisfy(i -> assertThat(i).isZero());
    }

    @Test
    void singleInstallmentIsPrincipalPlusOneMonthsInterest() {
        List<ScheduledInstallment> rows = ScheduleCalculator.annuity(d("500.00"), d("0.24"), 1, LocalDate.of(2026, 5, 5));
        assertThat(rows.get(0).principalDue()).isEqualByComparingTo("500.00");
        assertThat(rows.get(0).interestDue()).isEqualByComparingTo("10.00");
    }

    @Test
    void rejectsNonsense() {
        LocalDate due = LocalDate.of(2026, 5, 5);
        assertThatThrownBy(() -> ScheduleCalculator.annuity(BigDecimal.ZERO, d("0.1"), 12, due))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleCalculator.annuity(d("100"), d("-0.1"), 12, due))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleCalculator.annuity(d("100"), d("0.1"), 0, due))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
