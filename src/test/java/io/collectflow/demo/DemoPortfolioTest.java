package io.collectflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.NewLoan;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.schedule.ScheduleCalculator;
import io.collectflow.loan.schedule.ScheduledInstallment;

class DemoPortfolioTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void sameSeedAndDayGiveTheSameBook() {
        List<DemoPortfolio.DemoLoan> first = new DemoPortfolio(7, TODAY).generate(50);
        List<DemoPortfolio.DemoLoan> second = new DemoPortfolio(7, TODAY).generate(50);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void targetsCoverEveryBucketRange() {
        List<Integer> dpds = new DemoPortfolio(7, TODAY).generate(300).stream().map(DemoPortfolio.DemoLoan::targetDpd).toList();
        assertThat(dpds).anyMatch(d -> d == 0).anyMatch(d -> d >= 1 && d < 30).anyMatch(d -> d >= 30 && d < 60)
            .anyMatch(d -> d >= 60 && d < 90).anyMatch(d -> d >= 90 && d < 180).anyMatch(d -> d >= 180 && d < 360)
            .anyMatch(d -> d >= 360);
    }

    @Test
    void theOldestUncoveredInstallmentFellDueTargetDaysAgo() {
        for (DemoPortfolio.DemoLoan demo : new DemoPortfolio(11, TODAY).generate(100)) {
            NewLoan loan = demo.loan();
            assertThat(loan.firstDueOn()).isAfter(loan.disbursedOn());
            assertThat(demo.payments()).allMatch(p -> !p.paidOn().isAfter(TODAY));
            BigDecimal paid = demo.payments().stream().map(PaymentCommand::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            LocalDate oldestUncovered = null;
            for (ScheduledInstallment due : ScheduleCalculator.annuity(loan.principal(), loan.annualRate(),
                    loan.termMonths(), loan.firstDueOn())) {
                paid = paid.subtract(due.total());
                if (paid.signum() < 0) {
                    oldestUncovered = due.dueOn();
                    break;
                }
            }
            if (demo.targetDpd() == 0) {
                assertThat(oldestUncovered).as(loan.loanNo()).isAfter(TODAY);
            } else {
                assertThat(oldestUncovered).as(loan.loanNo()).isEqualTo(TODAY.minusDays(demo.targetDpd()));
            }
        }
    }
}
