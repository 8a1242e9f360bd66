package io.collectflow.contact.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the contact window knows China's official holiday arrangement for the coming months ({@code holidayCalendar}
 * in {@code /actuator/health}, and a warning at start-up): the State Council publishes each year's bridging days and
 * make-up workdays late in the year before, so a year may come that neither tyme4j nor a calendar file carries. The
 * guard then keeps the statutory holidays by law only ({@link ChinaStatutoryHolidays}) until the arrangement is
 * loaded. Stays UP: contact remains lawful, the detail says what to load.
 */
@Component("holidayCalendar")
public class HolidayCalendarHealth implements HealthIndicator {

    static final int LOOKAHEAD_DAYS = 90;
    private static final Logger LOG = LoggerFactory.getLogger(HolidayCalendarHealth.class);

    private final WorkdayCalendar calendar;
    private final Clock clock;

    public HolidayCalendarHealth(WorkdayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The years from today to {@link #LOOKAHEAD_DAYS} ahead whose Chinese arrangement is not loaded. */
    public List<Integer> chinaYearsWithoutArrangement() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> missing = new ArrayList<>();
        for (int year = today.getYear(); year <= today.plusDays(LOOKAHEAD_DAYS).getYear(); year++) {
            if (!calendar.chinaArrangementKnown(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    @Override
    public Health health() {
        List<Integer> missing = chinaYearsWithoutArrangement();
        return Health.up().withDetail("lookaheadDays", LOOKAHEAD_DAYS)
            .withDetail("china", missing.isEmpty() ? "official arrangement loaded" : advice(missing)).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        List<Integer> missing = chinaYearsWithoutArrangement();
        if (!missing.isEmpty()) {
            LOG.warn("Holiday calendar: {}", advice(missing));
        }
    }

    private static String advice(List<Integer> years) {
        return "statutory holidays only for " + years + " (no bridging days, weekend make-up workdays stay off):"
            + " add the State Council's arrangement as a calendar file (collectflow.contact.compliance.calendar-files)";
    }
}
