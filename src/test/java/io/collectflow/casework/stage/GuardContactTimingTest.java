package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.collectflow.contact.ContactTestData;
import io.collectflow.contact.compliance.BorrowerDirectory;
import io.collectflow.contact.compliance.BorrowerFlag;
import io.collectflow.contact.compliance.ComplianceGuard;
import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.UnknownLoanException;
import io.collectflow.contact.compliance.VerdictStore;
import io.collectflow.contact.compliance.WorkdayCalendar;
import io.collectflow.contact.log.ContactLog;
import io.collectflow.loan.PlainDatabase;

/**
 * The borrower's dates and hours for the case on the real loan-book tables (H2): read in the borrower's zone by the
 * directory's zone lookup alone (the borrower's flags are the guard's business, not the calendar's); an unknown loan or
 * a borrower without a known zone still fails as the guard does.
 */
class GuardContactTimingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private final PlainDatabase db = PlainDatabase.h2();
    private final JdbcClient jdbc = JdbcClient.create(db.dataSource);
    private final AtomicInteger flagLookups = new AtomicInteger();
    private final BorrowerDirectory directory = new BorrowerDirectory(jdbc) {
        @Override
        public Set<BorrowerFlag> flags(String borrowerId) {
            flagLookups.incrementAndGet();
            return super.flags(borrowerId);
        }
    };
    private final ComplianceProperties rules = new ComplianceProperties();
    private final ComplianceService compliance = new ComplianceService(directory,
        new ComplianceGuard(rules, new WorkdayCalendar(), new ContactLog(jdbc, CLOCK)),
        new VerdictStore(jdbc, CLOCK, new DataSourceTransactionManager(db.dataSource)), CLOCK);
    private final GuardContactTiming timing = new GuardContactTiming(compliance, directory, rules);

    @Test
    void theBorrowersDayAndWindowAreReadInTheirZoneWithoutTheirFlags() {
        ContactTestData.overdueLoan(jdbc, "GT-NY", "US-NY", "America/New_York", "ny@example.com");
        LocalDate day = LocalDate.of(2026, 12, 8);

        assertThat(timing.borrowersDate("GT-NY", Instant.parse("2026-12-08T03:00:00Z"))).isEqualTo(day.minusDays(1));
        assertThat(timing.dayStarts("GT-NY", day)).isEqualTo(Instant.parse("2026-12-08T05:00:00Z"));
        assertThat(timing.windowOpens("GT-NY", day))
            .isEqualTo(day.atTime(rules.getWindowStart()).atZone(ZoneId.of("America/New_York")).toInstant());
        assertThat(flagLookups).as("the zone alone is read").hasValue(0);
    }

    @Test
    void anUnknownLoanOrABorrowerWithoutAKnownZoneFailsAsBefore() {
        assertThatThrownBy(() -> timing.borrowersDate("GT-NONE", CLOCK.instant()))
            .isInstanceOf(UnknownLoanException.class).hasMessageContaining("GT-NONE");

        ContactTestData.overdueLoan(jdbc, "GT-MARS", "CN-SH", "Mars/Olympus_Mons", "mars@example.com");
        assertThatThrownBy(() -> timing.dayStarts("GT-MARS", LocalDate.of(2026, 12, 8)))
            .as("the guard cannot tell the borrower's hours").isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("GT-MARS");
        ContactTestData.overdueLoan(jdbc, "GT-BLANK", "CN-SH", " ", "blank@example.com");
        assertThatThrownBy(() -> timing.windowOpens("GT-BLANK", LocalDate.of(2026, 12, 8)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("GT-BLANK");
    }
}
