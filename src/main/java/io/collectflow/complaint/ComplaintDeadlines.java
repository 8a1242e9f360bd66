package io.collectflow.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import io.collectflow.contact.compliance.WorkdayCalendar;

/**
 * Deadlines on the complaints team's calendar (region and zone configured, never the borrower's, so the answer
 * to a complainant reveals nothing about a loan): acknowledge by the same local time on the N-th working day
 * after receipt; resolve within M calendar (or working) days.
 */
@Component
public class ComplaintDeadlines {

    /** When a received complaint must be acknowledged and resolved. */
    public record Deadlines(ZonedDateTime acknowledgeBy, ZonedDateTime resolveBy) {
    }

    private final WorkdayCalendar calendar;
    private final ComplaintProperties properties;

    public ComplaintDeadlines(WorkdayCalendar calendar, ComplaintProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    public Deadlines forReceipt(Instant receivedAt) {
        ZonedDateTime received = receivedAt.atZone(properties.getZone());
        ZonedDateTime acknowledge = addWorkingDays(received, properties.getAcknowledgeWorkingDays());
        ZonedDateTime resolve = properties.isResolveInWorkingDays()
            ? addWorkingDays(received, properties.getResolveDays())
            : received.plusDays(properties.getResolveDays());
        return new Deadlines(acknowledge, resolve);
    }

    /** The same local time on the n-th working day after the day of {@code from}. */
    ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
        LocalDate date = from.toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (calendar.dayKind(properties.getRegion(), date).isWorkday()) {
                counted++;
            }
        }
        return ZonedDateTime.of(date, from.toLocalTime(), from.getZone());
    }
}
