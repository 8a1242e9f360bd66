package io.collectflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.collectflow.contact.compliance.DayKind;
import io.collectflow.contact.compliance.WorkdayCalendar;

/** Working-day aware deadlines on the complaints team's calendar (CN, Asia/Shanghai). */
class ComplaintDeadlinesTest {

    private final WorkdayCalendar calendar = new WorkdayCalendar();
    private final ComplaintProperties properties = new ComplaintProperties();
    private final ComplaintDeadlines deadlines = new ComplaintDeadlines(calendar, properties);

    private ComplaintDeadlines.Deadlines at(String isoWithOffset) {
        return deadlines.forReceipt(OffsetDateTime.parse(isoWithOffset).toInstant());
    }

    @Test
    void aComplaintOnATuesdayIsAcknowledgedByWednesdaySameTimeAndResolvedWithinFifteenCalendarDays() {
        ComplaintDeadlines.Deadlines d = at("2026-03-10T10:15:00+08:00");
        assertThat(d.acknowledgeBy().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-11T10:15:00+08:00"));
        assertThat(d.resolveBy().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-25T10:15:00+08:00"));
    }

    @Test
    void fridayAndWeekendComplaintsAreDueOnMonday() {
        assertThat(at("2026-03-13T16:00:00+08:00").acknowledgeBy().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(at("2026-03-14T09:00:00+08:00").acknowledgeBy().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void holidaysAreSkippedAndMakeUpWorkdaysCount() {
        calendar.put("CN", LocalDate.of(2026, 3, 11), DayKind.HOLIDAY);
        calendar.put("CN", LocalDate.of(2026, 3, 12), DayKind.HOLIDAY);
        assertThat(at("2026-03-10T10:00:00+08:00").acknowledgeBy().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        calendar.put("CN", LocalDate.of(2026, 3, 14), DayKind.MAKEUP_WORKDAY);
        assertThat(at("2026-03-13T10:00:00+08:00").acknowledgeBy().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 14));
    }

    @Test
    void theReceiptInstantIsReadInTheTeamsZoneAndResolveDaysMayBeWorkingDays() {
        // 2026-03-13 20:00 in New York is already Saturday morning in Shanghai
        assertThat(at("2026-03-13T20:00:00-04:00").acknowledgeBy().toOffsetDateTime())
            .isEqualTo(OffsetDateTime.parse("2026-03-16T08:00:00+08:00"));
        properties.setResolveInWorkingDays(true);
        properties.setResolveDays(5);
        properties.setZone(ZoneId.of("Asia/Shanghai"));
        assertThat(at("2026-03-10T10:00:00+08:00").resolveBy().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 17));
    }
}
