package io.collectflow.contact.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tyme.holiday.LegalHoliday;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;

/**
 * China's holidays in a year whose official arrangement is not loaded yet (2027 with tyme4j 1.4.9): the statutory days
 * by law still stop contact, and the health check says what to load.
 */
class ChinaStatutoryHolidaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theRuleGivesTheStatutoryDaysOfThePublishedYears() {
        // 2025 and 2026 (the law as revised in 2024): every day the rule names is an official holiday in tyme4j's data
        for (int year : new int[] {2025, 2026}) {
            Set<LocalDate> statutory = ChinaStatutoryHolidays.of(year);
            assertThat(statutory).as("%d", year).hasSize(13);
            for (LocalDate day : statutory) {
                LegalHoliday official = LegalHoliday.fromYmd(year, day.getMonthValue(), day.getDayOfMonth());
                assertThat(official).as("%s", day).isNotNull();
                assertThat(official.isWork()).as("%s", day).isFalse();
            }
        }
        assertThat(ChinaStatutoryHolidays.of(2027)).contains(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 5),
            LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 8), LocalDate.of(2027, 4, 5), LocalDate.of(2027, 5, 2),
            LocalDate.of(2027, 6, 9), LocalDate.of(2027, 9, 15), LocalDate.of(2027, 10, 3));
    }

    @Test
    void aYearWithoutItsArrangementKeepsTheStatutoryHolidays() {
        WorkdayCalendar calendar = new WorkdayCalendar();
        assertThat(calendar.chinaArrangementKnown(2026)).isTrue();
        assertThat(calendar.chinaArrangementKnown(2027)).isFalse();

        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2027, 1, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind("CN-GD", LocalDate.of(2027, 2, 5))).as("Spring Festival's eve").isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2027, 2, 9))).as("lunar 1/4, a Tuesday: no law makes it one")
            .isEqualTo(DayKind.WORKDAY);
        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2026, 2, 14))).as("2026's official make-up workday")
            .isEqualTo(DayKind.MAKEUP_WORKDAY);

        ComplianceGuard guard = new ComplianceGuard(new ComplianceProperties(), calendar, new InMemoryHistory());
        ContactSubject borrower = new ContactSubject("B1", "L-B1", "CN-SH", SHANGHAI, Set.of());
        Verdict newYear = guard.check(borrower, Channel.CALL, Operator.collector("c1"),
            OffsetDateTime.parse("2027-01-01T10:00:00+08:00").toInstant());
        assertThat(newYear.reasons()).containsExactly(ReasonCode.HOLIDAY);
        Verdict eve = guard.check(borrower, Channel.CALL, Operator.collector("c1"),
            OffsetDateTime.parse("2026-12-31T21:00:00+08:00").toInstant());
        assertThat(eve.nextAllowedAt()).as("past the holiday and the weekend").isEqualTo("2027-01-04T09:00+08:00");
    }

    @Test
    void aCalendarFileWithTheYearsArrangementReplacesTheRule() {
        WorkdayCalendar calendar = WorkdayCalendar.fromFiles(List.of(new WorkdayCalendar.NamedStream("cn-2027.csv",
            () -> new ByteArrayInputStream("CN,2027-02-09,HOLIDAY,Spring Festival (bridging)\n"
                .getBytes(StandardCharsets.UTF_8)))));

        assertThat(calendar.chinaArrangementKnown(2027)).isTrue();
        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2027, 2, 9))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2027, 2, 5))).as("the file is the whole arrangement")
            .isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void theShippedFileCarriesEveryUsFederalHolidayAndTheGermanOnesOf2026And2027() {
        WorkdayCalendar calendar = WorkdayCalendar.fromFiles(List.of(new WorkdayCalendar.NamedStream("public-holidays.csv",
            () -> ChinaStatutoryHolidaysTest.class.getResourceAsStream("/calendars/public-holidays.csv"))));
        for (String day : List.of("2026-01-19", "2026-02-16", "2026-06-19", "2026-10-12", "2026-11-11", "2027-01-18",
                "2027-07-05", "2027-12-24", "2027-12-31")) {
            assertThat(calendar.dayKind("US-NY", LocalDate.parse(day))).as(day).isEqualTo(DayKind.HOLIDAY);
        }
        assertThat(calendar.dayKind("DE-BE", LocalDate.of(2027, 3, 26))).as("Good Friday 2027").isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind("DE-BE", LocalDate.of(2027, 3, 8))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.chinaArrangementKnown(2027)).as("no CN line in the shipped file").isFalse();
    }

    @Test
    void theHealthCheckNamesTheYearsToLoad() {
        WorkdayCalendar calendar = new WorkdayCalendar();
        HolidayCalendarHealth december = new HolidayCalendarHealth(calendar, clockAt("2026-12-07T09:00:00Z"));
        HolidayCalendarHealth june = new HolidayCalendarHealth(calendar, clockAt("2026-06-01T09:00:00Z"));

        assertThat(december.chinaYearsWithoutArrangement()).containsExactly(2027);
        assertThat(december.health().getDetails().get("china").toString()).startsWith("statutory holidays only for [2027]");
        assertThat(june.chinaYearsWithoutArrangement()).isEmpty();
        assertThat(june.health().getDetails()).containsEntry("china", "official arrangement loaded");
        assertThat(december.health().getStatus().getCode()).isEqualTo("UP");
    }

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneId.of("UTC"));
    }
}
