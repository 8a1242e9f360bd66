package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.collectflow.contact.Channel;
import io.collectflow.contact.compliance.BorrowerDirectory;
import io.collectflow.contact.compliance.BorrowerFlag;
import io.collectflow.contact.compliance.ComplianceGuard;
import io.collectflow.contact.compliance.ComplianceProperties;
import io.collectflow.contact.compliance.ComplianceService;
import io.collectflow.contact.compliance.ContactSubject;
import io.collectflow.contact.compliance.VerdictStore;
import io.collectflow.contact.compliance.WorkdayCalendar;

/**
 * {@link NextContactPlanner} on the real compliance guard (calendars, window, caps) for borrowers in Shanghai, New York
 * and Berlin: the next call or visit never falls where the guard would refuse it, and nothing is recorded.
 */
class NextContactPlannerTest {

    private static final Duration PT2H = Duration.ofHours(2);

    private final List<Instant> calls = new ArrayList<>();
    private final BorrowerDirectory directory = mock(BorrowerDirectory.class);
    private final VerdictStore verdicts = mock(VerdictStore.class);
    private final ComplianceProperties rules = new ComplianceProperties();
    private final ComplianceGuard guard = new ComplianceGuard(rules, calendar(),
        (borrowerId, channels, from, to) -> calls.stream().filter(c -> !c.isBefore(from) && !c.isAfter(to)).toList());
    private final ComplianceService compliance = new ComplianceService(directory, guard, verdicts,
        Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private final NextContactPlanner planner = new NextContactPlanner(new GuardContactTiming(compliance, directory, rules),
        new CaseworkProperties("expanded", Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(1)));

    private static WorkdayCalendar calendar() {
        return WorkdayCalendar.fromFiles(List.of(new WorkdayCalendar.NamedStream("public-holidays.csv",
            () -> NextContactPlannerTest.class.getResourceAsStream("/calendars/public-holidays.csv"))));
    }

    private String borrowerIn(String region, String zone, BorrowerFlag... flags) {
        String loanNo = "L-" + region;
        when(directory.byLoan(loanNo)).thenReturn(Optional.of(
            new ContactSubject("B-" + region, loanNo, region, ZoneId.of(zone), Set.of(flags))));
        when(directory.zoneOf(loanNo)).thenReturn(Optional.of(ZoneId.of(zone)));
        return loanNo;
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void noAnswerAtHalfPastEightInTheEveningIsRetriedAtNineTheNextWorkdayMorning() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");

        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-12-01T20:30+08:00")))
            .isEqualTo(at("2026-12-02T09:00+08:00"));
        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-12-04T20:30+08:00"))).as("Friday: Monday")
            .isEqualTo(at("2026-12-07T09:00+08:00"));
        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-12-01T13:00+08:00"))).as("inside the window")
            .isEqualTo(at("2026-12-01T15:00+08:00"));
        // nothing is recorded: planning is no contact
        verifyNoInteractions(verdicts);
    }

    @Test
    void aMakeUpWorkdayIsWorkedAndAHolidayWeekIsSkipped() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");

        // Friday 13 February 2026, evening: Saturday 14 February is a make-up workday before the Spring Festival
        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-02-13T20:00+08:00")))
            .isEqualTo(at("2026-02-14T09:00+08:00"));
        // Saturday 14 February, evening: the Spring Festival holidays run 15-23 February
        assertThat(planner.retry(loan, Channel.VISIT, PT2H, at("2026-02-14T20:00+08:00")))
            .isEqualTo(at("2026-02-24T09:00+08:00"));
    }

    @Test
    void theThirdCallOfTheDayMovesTheRetryToTheNextDay() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");
        calls.addAll(List.of(at("2026-12-01T09:30+08:00"), at("2026-12-01T11:30+08:00"), at("2026-12-01T13:30+08:00")));

        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-12-01T13:30+08:00")))
            .isEqualTo(at("2026-12-02T09:00+08:00"));
        // the caps count calls; a visit is not held back by them
        assertThat(planner.retry(loan, Channel.VISIT, PT2H, at("2026-12-01T13:30+08:00")))
            .isEqualTo(at("2026-12-01T15:30+08:00"));
    }

    @Test
    void aFollowUpDateStartsWhenTheBorrowersWindowOpensInTheirZone() {
        String shanghai = borrowerIn("CN-SH", "Asia/Shanghai");
        String newYork = borrowerIn("US-NY", "America/New_York");
        String berlin = borrowerIn("DE-BE", "Europe/Berlin");
        Instant now = at("2026-12-01T10:00+08:00");

        assertThat(planner.followUp(shanghai, Channel.CALL, LocalDate.of(2026, 12, 3), now))
            .isEqualTo(at("2026-12-03T09:00+08:00"));
        assertThat(planner.followUp(newYork, Channel.CALL, LocalDate.of(2026, 12, 3), now))
            .isEqualTo(at("2026-12-03T09:00-05:00"));
        assertThat(planner.followUp(berlin, Channel.VISIT, LocalDate.of(2026, 12, 3), now))
            .isEqualTo(at("2026-12-03T09:00+01:00"));
        // a Sunday; Christmas Day (a Friday) in Berlin and in New York: the Monday after
        assertThat(planner.followUp(shanghai, Channel.CALL, LocalDate.of(2026, 12, 6), now))
            .isEqualTo(at("2026-12-07T09:00+08:00"));
        assertThat(planner.followUp(berlin, Channel.CALL, LocalDate.of(2026, 12, 25), now))
            .isEqualTo(at("2026-12-28T09:00+01:00"));
        assertThat(planner.followUp(newYork, Channel.CALL, LocalDate.of(2026, 12, 25), now))
            .isEqualTo(at("2026-12-28T09:00-05:00"));
    }

    @Test
    void theWindowOpensAtNineLocalTimeOnBothSidesOfADaylightSavingChange() {
        String newYork = borrowerIn("US-NY", "America/New_York");
        Instant now = at("2026-03-02T10:00-05:00");

        // clocks went forward on Sunday 8 March 2026: Friday at UTC-5, Monday at UTC-4
        assertThat(planner.followUp(newYork, Channel.CALL, LocalDate.of(2026, 3, 6), now))
            .isEqualTo(at("2026-03-06T09:00-05:00"));
        assertThat(planner.followUp(newYork, Channel.CALL, LocalDate.of(2026, 3, 8), now))
            .isEqualTo(at("2026-03-09T09:00-04:00"));
    }

    @Test
    void aFollowUpTodayIsAtOnceInsideTheWindowAndTheNextMorningAfterIt() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");
        LocalDate today = LocalDate.of(2026, 12, 1);

        assertThat(planner.followUp(loan, Channel.CALL, today, at("2026-12-01T15:00+08:00")))
            .isEqualTo(at("2026-12-01T15:00+08:00"));
        assertThat(planner.followUp(loan, Channel.CALL, today, at("2026-12-01T21:15+08:00")))
            .isEqualTo(at("2026-12-02T09:00+08:00"));
    }

    @Test
    void withoutADateTheFollowUpDelayIsMovedOnToTheNextAllowedMoment() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");

        // Friday afternoon + P1D is Saturday afternoon
        assertThat(planner.followUp(loan, Channel.CALL, null, at("2026-12-04T15:00+08:00")))
            .isEqualTo(at("2026-12-07T09:00+08:00"));
        assertThat(planner.followUp(loan, Channel.CALL, null, at("2026-12-01T15:00+08:00")))
            .isEqualTo(at("2026-12-02T15:00+08:00"));
    }

    @Test
    void aBlockOnlyAPersonLiftsKeepsTheStrategysDelayAndTheDatesWindow() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai", BorrowerFlag.COMPLAINT_OPEN);

        assertThat(planner.retry(loan, Channel.CALL, PT2H, at("2026-12-01T20:30+08:00")))
            .isEqualTo(at("2026-12-01T22:30+08:00"));
        assertThat(planner.followUp(loan, Channel.CALL, LocalDate.of(2026, 12, 6), at("2026-12-01T10:00+08:00")))
            .isEqualTo(at("2026-12-06T09:00+08:00"));
    }

    @Test
    void aFoundBorrowerIsContactedAtTheFirstAllowedMomentFromNowButNeverLaterThanPlanned() {
        String loan = borrowerIn("CN-SH", "Asia/Shanghai");
        Instant longAgoPlanned = at("2026-12-18T09:00+08:00");

        // found in the window: at once; on a Friday evening: Monday morning (a visit too)
        assertThat(planner.afterFound(loan, Channel.CALL, longAgoPlanned, at("2026-12-02T11:00+08:00")))
            .isEqualTo(at("2026-12-02T11:00+08:00"));
        assertThat(planner.afterFound(loan, Channel.VISIT, longAgoPlanned, at("2026-12-04T21:00+08:00")))
            .isEqualTo(at("2026-12-07T09:00+08:00"));
        // planned sooner than that anyway (already due): kept
        assertThat(planner.afterFound(loan, Channel.CALL, at("2026-12-04T20:00+08:00"), at("2026-12-04T21:00+08:00")))
            .isEqualTo(at("2026-12-04T20:00+08:00"));
        // nothing planned: the first allowed moment
        assertThat(planner.afterFound(loan, Channel.CALL, null, at("2026-12-04T21:00+08:00")))
            .isEqualTo(at("2026-12-07T09:00+08:00"));
    }
}
