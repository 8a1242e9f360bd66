package io.collectflow.contact.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.tyme.holiday.LegalHoliday;

import io.collectflow.contact.Channel;
import io.collectflow.contact.Operator;

class ComplianceGuardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final InMemoryHistory history = new InMemoryHistory();
    private final ComplianceGuard guard = new ComplianceGuard(new ComplianceProperties(), calendarWithFiles(), history);

    private static WorkdayCalendar calendarWithFiles() {
        return WorkdayCalendar.fromFiles(java.util.List.of(new WorkdayCalendar.NamedStream("public-holidays.csv",
            () -> ComplianceGuardTest.class.getResourceAsStream("/calendars/public-holidays.csv"))));
    }

    private static ContactSubject borrower(String id, String region, ZoneId zone, BorrowerFlag... flags) {
        return new ContactSubject(id, "L-" + id, region, zone, Set.of(flags));
    }

    /** Independent of the guard: a CN workday is a statutory make-up day or a weekday that is no statutory holiday. */
    private static boolean cnWorkday(LocalDate d) {
        LegalHoliday h = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        if (h != null) {
            return h.isWork();
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Test
    void everyHourOf2026ForAShanghaiBorrower_callsOnlyInTheWindowOnWorkdaysAndWithinTheCaps() {
        ContactSubject subject = borrower("B1", "CN-SH", SHANGHAI);
        Instant start = LocalDate.of(2026, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        Instant end = LocalDate.of(2027, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        Map<LocalDate, Integer> callsPerDay = new TreeMap<>();
        int allowedHours = 0;
        for (Instant at = start; at.isBefore(end); at = at.plus(1, ChronoUnit.HOURS)) {
            ZonedDateTime local = at.atZone(SHANGHAI);
            Verdict verdict = guard.check(subject, Channel.CALL, Operator.collector("c1"), at);
            if (verdict.allowed()) {
                allowedHours++;
                assertThat(local.getHour()).as("allowed at %s", local).isBetween(9, 20);
                assertThat(cnWorkday(local.toLocalDate())).as("workday %s", local).isTrue();
                assertThat(callsPerDay.getOrDefault(local.toLocalDate(), 0)).isLessThan(3);
                // a dialer that calls whenever the guard allows it
                history.add("B1", Channel.CALL, at);
                callsPerDay.merge(local.toLocalDate(), 1, Integer::sum);
            } else {
                assertThat(verdict.reasons()).isNotEmpty();
                if (local.getHour() < 9 || local.getHour() >= 21) {
                    assertThat(verdict.reasons()).contains(ReasonCode.OUTSIDE_HOURS);
                }
                if (!cnWorkday(local.toLocalDate())) {
                    assertThat(verdict.reasons()).containsAnyOf(ReasonCode.HOLIDAY, ReasonCode.WEEKEND);
                }
                assertNextAllowedIsTheEarliestAllowedHour(subject, at, verdict);
            }
        }
        assertThat(allowedHours).isGreaterThan(300);
        assertThreeOnTwoOff(callsPerDay);
        // make-up workdays are worked: the greedy dialer called on each one that was not a rest day
        for (LocalDate makeUp : new LocalDate[] {LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
            LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)}) {
            Instant tenAm = makeUp.atTime(10, 0).atZone(SHANGHAI).toInstant();
            assertThat(guard.check(borrower("B2", "CN-SH", SHANGHAI), Channel.EMAIL, Operator.SYSTEM, tenAm).allowed())
                .as("make-up workday %s", makeUp).isTrue();
        }
    }

    private void assertNextAllowedIsTheEarliestAllowedHour(ContactSubject subject, Instant at, Verdict verdict) {
        OffsetDateTime next = verdict.nextAllowedAt();
        assertThat(next).as("next allowed after %s", at).isNotNull();
        assertThat(next.toInstant()).isAfter(at);
        assertThat(next.getOffset()).isEqualTo(SHANGHAI.getRules().getOffset(next.toInstant()));
        assertThat(guard.check(subject, Channel.CALL, Operator.SYSTEM, next.toInstant()).allowed()).isTrue();
        Instant justBefore = next.toInstant().minus(Duration.ofMinutes(1));
        if (justBefore.isAfter(at)) {
            assertThat(guard.check(subject, Channel.CALL, Operator.SYSTEM, justBefore).allowed()).isFalse();
        }
    }

    private static void assertThreeOnTwoOff(Map<LocalDate, Integer> callsPerDay) {
        assertThat(callsPerDay.values()).allMatch(n -> n <= 3);
        for (LocalDate day : callsPerDay.keySet()) {
            boolean streak = callsPerDay.containsKey(day.minusDays(1)) && callsPerDay.containsKey(day.minusDays(2));
            if (streak) {
                assertThat(callsPerDay).as("rest after %s", day)
                    .doesNotContainKey(day.plusDays(1)).doesNotContainKey(day.plusDays(2));
            }
        }
        assertThat(callsPerDay.values()).contains(3);
    }

    @Test
    void statutoryHolidaysAreBlockedAllDayAndTheNextWindowIsTheFirstWorkdayMorning() {
        ContactSubject subject = borrower("B1", "CN-SH", SHANGHAI);
        Instant nationalDayNoon = ZonedDateTime.of(2026, 10, 3, 12, 0, 0, 0, SHANGHAI).toInstant();
        Verdict verdict = guard.check(subject, Channel.SMS, Operator.SYSTEM, nationalDayNoon);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reasons()).containsExactly(ReasonCode.HOLIDAY);
        assertThat(verdict.nextAllowedAt()).isEqualTo(OffsetDateTime.parse("2026-10-08T09:00+08:00"));
        assertThat(verdict.ruleSetVersion()).isEqualTo("2026.1");
        assertThat(verdict.inputs()).containsEntry("dayKind", "HOLIDAY");
    }

    @Test
    void everyHourOfAYearInNewYorkFollowsTheLocalWindowAcrossDaylightSaving() {
        ContactSubject subject = borrower("B3", "US-NY", NEW_YORK);
        WorkdayCalendar calendar = calendarWithFiles();
        Instant start = LocalDate.of(2026, 1, 1).atStartOfDay(NEW_YORK).toInstant();
        Instant end = LocalDate.of(2027, 1, 1).atStartOfDay(NEW_YORK).toInstant();
        for (Instant at = start; at.isBefore(end); at = at.plus(1, ChronoUnit.HOURS)) {
            ZonedDateTime local = at.atZone(NEW_YORK);
            boolean expected = calendar.dayKind("US-NY", local.toLocalDate()).isWorkday()
                && local.getHour() >= 9 && local.getHour() < 21;
            Verdict verdict = guard.check(subject, Channel.EMAIL, Operator.SYSTEM, at);
            assertThat(verdict.allowed()).as("at %s", local).isEqualTo(expected);
            if (!expected) {
                ZonedDateTime next = verdict.nextAllowedAt().atZoneSameInstant(NEW_YORK);
                assertThat(next.toLocalTime()).as("next after %s", local).isEqualTo(java.time.LocalTime.of(9, 0));
                assertThat(verdict.nextAllowedAt().getOffset()).isEqualTo(next.getOffset());
            }
        }
        // Saturday night before the spring-forward Sunday: next is Monday 09:00 EDT (-04:00)
        Verdict saturday = guard.check(subject, Channel.EMAIL, Operator.SYSTEM,
            ZonedDateTime.of(2026, 3, 7, 22, 0, 0, 0, NEW_YORK).toInstant());
        assertThat(saturday.nextAllowedAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00-04:00"));
    }

    @Test
    void berlinFridayNightBeforeTheAutumnChangeWaitsUntilMondayMorningInWinterTime() {
        Verdict verdict = guard.check(borrower("B4", "DE-BE", BERLIN), Channel.SMS, Operator.SYSTEM,
            ZonedDateTime.of(2026, 10, 23, 21, 30, 0, 0, BERLIN).toInstant());
        assertThat(verdict.reasons()).containsExactly(ReasonCode.OUTSIDE_HOURS);
        assertThat(verdict.nextAllowedAt()).isEqualTo(OffsetDateTime.parse("2026-10-26T09:00+01:00"));
        // Frauentag is a holiday in Berlin only
        Instant womensDay = ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, BERLIN).minusDays(1).toInstant();
        assertThat(guard.check(borrower("B4", "DE-BE", BERLIN), Channel.EMAIL, Operator.SYSTEM, womensDay).reasons())
            .contains(ReasonCode.HOLIDAY);
    }

    @Test
    void callsAreCountedOverEveryOperatorAndTheSmsCapIsOneADay() {
        ContactSubject subject = borrower("B5", "CN-SH", SHANGHAI);
        ZonedDateTime monday = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, SHANGHAI);
        history.add("B5", Channel.CALL, monday.plusMinutes(5).toInstant());      // lender collector
        history.add("B5", Channel.CALL, monday.plusMinutes(30).toInstant());     // agency collector
        history.add("B5", Channel.VOICE, monday.plusMinutes(45).toInstant());    // IVR robot call
        history.add("B5", Channel.CALL, monday.plusMinutes(50).toInstant().minus(Duration.ofDays(1)));
        Verdict call = guard.check(subject, Channel.CALL, Operator.agency("agency1"), monday.plusHours(2).toInstant());
        assertThat(call.reasons()).containsExactly(ReasonCode.FREQUENCY_CAP);
        assertThat(call.inputs()).containsEntry("cap.call.today", "3/3");
        assertThat(call.nextAllowedAt()).isEqualTo(OffsetDateTime.parse("2026-03-03T09:00+08:00"));
        // other people's borrowers and other channels do not count
        assertThat(guard.check(borrower("B6", "CN-SH", SHANGHAI), Channel.CALL, Operator.SYSTEM,
            monday.plusHours(2).toInstant()).allowed()).isTrue();
        assertThat(guard.check(subject, Channel.SMS, Operator.SYSTEM, monday.plusHours(2).toInstant()).allowed()).isTrue();
        history.add("B5", Channel.SMS, monday.plusHours(3).toInstant());
        assertThat(guard.check(subject, Channel.SMS, Operator.SYSTEM, monday.plusHours(4).toInstant()).reasons())
            .containsExactly(ReasonCode.FREQUENCY_CAP);
    }

    @Test
    void afterThreeCallingDaysInARowTwoDaysWithoutCalls() {
        ContactSubject subject = borrower("B7", "CN-SH", SHANGHAI);
        // Tue 3, Wed 4, Thu 5 March 2026 each had one call
        for (int day = 3; day <= 5; day++) {
            history.add("B7", Channel.CALL, ZonedDateTime.of(2026, 3, day, 10, 0, 0, 0, SHANGHAI).toInstant());
        }
        Instant friday = ZonedDateTime.of(2026, 3, 6, 10, 0, 0, 0, SHANGHAI).toInstant();
        Verdict rest = guard.check(subject, Channel.CALL, Operator.SYSTEM, friday);
        assertThat(rest.reasons()).containsExactly(ReasonCode.FREQUENCY_CAP);
        assertThat(rest.inputs().get("capReached")).isEqualTo("call.restAfter3Days");
        // rest days Fri 6 and Sat 7 (a weekend anyway); Sunday is a weekend: Monday 9 March
        assertThat(rest.nextAllowedAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00+08:00"));
        // e-mail is not a call
        assertThat(guard.check(subject, Channel.EMAIL, Operator.SYSTEM, friday).allowed()).isTrue();
    }

    @Test
    void restDaysFallOnWorkdaysToo() {
        ContactSubject subject = borrower("B8", "CN-SH", SHANGHAI);
        // Mon 2 - Wed 4 March: rest Thu 5 and Fri 6, then the weekend: Monday 9
        for (int day = 2; day <= 4; day++) {
            history.add("B8", Channel.CALL, ZonedDateTime.of(2026, 3, day, 10, 0, 0, 0, SHANGHAI).toInstant());
        }
        Instant thursday = ZonedDateTime.of(2026, 3, 5, 10, 0, 0, 0, SHANGHAI).toInstant();
        Instant friday = ZonedDateTime.of(2026, 3, 6, 10, 0, 0, 0, SHANGHAI).toInstant();
        assertThat(guard.check(subject, Channel.CALL, Operator.SYSTEM, thursday).nextAllowedAt())
            .isEqualTo(OffsetDateTime.parse("2026-03-09T09:00+08:00"));
        assertThat(guard.check(subject, Channel.CALL, Operator.SYSTEM, friday).allowed()).isFalse();
        // two calls days in a row are fine
        ContactSubject other = borrower("B9", "CN-SH", SHANGHAI);
        history.add("B9", Channel.CALL, ZonedDateTime.of(2026, 3, 3, 10, 0, 0, 0, SHANGHAI).toInstant());
        history.add("B9", Channel.CALL, ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, SHANGHAI).toInstant());
        assertThat(guard.check(other, Channel.CALL, Operator.SYSTEM, thursday).allowed()).isTrue();
    }

    @Test
    void flagsBlockEveryChannelWithoutANextAllowedInstant() {
        ContactSubject subject = borrower("B10", "CN-SH", SHANGHAI, BorrowerFlag.COMPLAINT_OPEN, BorrowerFlag.DISPUTED);
        Verdict verdict = guard.check(subject, Channel.EMAIL, Operator.SYSTEM,
            ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, SHANGHAI).toInstant());
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.reasons()).containsExactly(ReasonCode.COMPLAINT_OPEN, ReasonCode.DISPUTED);
        assertThat(verdict.nextAllowedAt()).isNull();
        assertThat(guard.check(borrower("B11", "CN-SH", SHANGHAI, BorrowerFlag.DECEASED), Channel.CALL, Operator.SYSTEM,
            ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, SHANGHAI).toInstant()).reasons()).containsExactly(ReasonCode.DECEASED);
    }

    @Test
    void aCalendarFileCanAddAndOverrideDaysAndNamesTheBadLine() {
        WorkdayCalendar calendar = WorkdayCalendar.fromFiles(java.util.List.of(new WorkdayCalendar.NamedStream("x.csv",
            () -> new java.io.ByteArrayInputStream("CN-SH,2026-03-04,HOLIDAY,local\nCN,2026-10-03,WORKDAY,test\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertThat(calendar.dayKind("CN-SH", LocalDate.of(2026, 3, 4))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.dayKind("CN-GD", LocalDate.of(2026, 3, 4))).isEqualTo(DayKind.WORKDAY);
        assertThat(calendar.dayKind("CN-GD", LocalDate.of(2026, 10, 3))).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(calendar.dayKind("CN-GD", LocalDate.of(2026, 10, 2))).isEqualTo(DayKind.HOLIDAY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkdayCalendar.fromFiles(java.util.List.of(
            new WorkdayCalendar.NamedStream("bad.csv", () -> new java.io.ByteArrayInputStream(
                "# c\nCN,2026-13-01,HOLIDAY\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))))
            .hasMessageContaining("bad.csv line 2").hasMessageContaining("2026-13-01");
    }
}
