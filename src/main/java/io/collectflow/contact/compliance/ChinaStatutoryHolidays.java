package io.collectflow.contact.compliance;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.tyme.holiday.LegalHoliday;
import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;

/**
 * China's statutory public holidays by law (全国年节及纪念日放假办法, as revised in 2024, 13 days), for the years whose
 * official arrangement is not known yet: New Year's Day; the Spring Festival's eve and first three days (lunar
 * calendar); the Qingming solar term; 1 and 2 May; the Dragon Boat Festival (lunar 5/5); the Mid-Autumn Festival
 * (lunar 8/15); 1–3 October. The State Council's yearly arrangement adds bridging days and weekend make-up workdays
 * around them, which no rule gives: until that arrangement is loaded (tyme4j's data or a calendar file) these days
 * are the floor, so no contact falls on a day the law makes a holiday.
 */
final class ChinaStatutoryHolidays {

    private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();
    private static final Map<Integer, Boolean> PUBLISHED = new ConcurrentHashMap<>();

    private ChinaStatutoryHolidays() {
    }

    /** The 13 statutory holidays of {@code year}, in date order. */
    static Set<LocalDate> of(int year) {
        return BY_YEAR.computeIfAbsent(year, ChinaStatutoryHolidays::compute);
    }

    /** Whether tyme4j carries the official arrangement (holidays and make-up workdays) of {@code year}. */
    static boolean published(int year) {
        return PUBLISHED.computeIfAbsent(year, y -> {
            for (LocalDate day = LocalDate.of(y, 1, 1); day.getYear() == y; day = day.plusDays(1)) {
                if (LegalHoliday.fromYmd(y, day.getMonthValue(), day.getDayOfMonth()) != null) {
                    return true;
                }
            }
            return false;
        });
    }

    private static Set<LocalDate> compute(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, 1, 1));
        LocalDate springFestival = date(LunarDay.fromYmd(year, 1, 1).getSolarDay());
        for (int offset = -1; offset <= 2; offset++) {
            days.add(springFestival.plusDays(offset));
        }
        days.add(date(SolarTerm.fromName(year, "清明").getSolarDay()));
        days.add(LocalDate.of(year, 5, 1));
        days.add(LocalDate.of(year, 5, 2));
        days.add(date(LunarDay.fromYmd(year, 5, 5).getSolarDay()));
        days.add(date(LunarDay.fromYmd(year, 8, 15).getSolarDay()));
        for (int day = 1; day <= 3; day++) {
            days.add(LocalDate.of(year, 10, day));
        }
        return Set.copyOf(days);
    }

    private static LocalDate date(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }
}
