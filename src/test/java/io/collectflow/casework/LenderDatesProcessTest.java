package io.collectflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.collectflow.casework.stage.CaseProcessTestSupport;
import io.collectflow.legal.process.DeathReports;

/**
 * A case's closing day is the lender's business date ({@code collectflow.lender.zone}, Asia/Shanghai), not the
 * server's: at 17:00 UTC on Thursday the server (UTC, as the tests' JVM) is still on Thursday, the lender on Friday.
 */
class LenderDatesProcessTest extends CaseProcessTestSupport {

    private static final LocalDate LENDERS_FRIDAY = LocalDate.of(2026, 3, 6);

    @Autowired CaseLifecycle lifecycle;
    @Autowired DeathReports deathReports;

    @BeforeEach
    void thursdayEveningOnTheServerFridayForTheLender() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-05T17:00Z").toInstant()));
    }

    @Test
    void aCaseEndedByItsProcessClosesOnTheLendersDate() {
        String loanNo = openCase();

        arrearsCleared(loanNo);

        assertThat(closedOn(loanNo)).isEqualTo(LENDERS_FRIDAY);
    }

    @Test
    void aDeceasedBorrowersCaseClosesOnTheLendersDate() {
        String loanNo = openCase();

        deathReports.report(loanNo, "death certificate 2026-11", "legal1");
        runJobs();

        assertThat(closedOn(loanNo)).isEqualTo(LENDERS_FRIDAY);
    }

    private String openCase() {
        String loanNo = fixtures.loan(10, today());
        lifecycle.open(new CaseWork(loanNo, 10, bucket(10), new BigDecimal("1050.00"), null, null), today());
        runJobs();
        return loanNo;
    }

    private LocalDate closedOn(String loanNo) {
        return jdbc.queryForObject("SELECT closed_on FROM collection_case WHERE loan_no = ? AND status = 'CLOSED'",
            LocalDate.class, loanNo);
    }
}
