package io.collectflow.contact.compliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.tyme.holiday.LegalHoliday;

/**
 * Workdays per region (ISO 3166-2, e.g. CN-SH). Order of precedence: the calendar data files (region
 * entries before country entries), then for China the official holidays and make-up workdays of tyme4j — or, for
 * a year whose arrangement neither tyme4j nor a file carries, the statutory holidays by law
 * ({@link ChinaStatutoryHolidays}) — then Saturday and Sunday off. Data file lines: {@code region,date,kind,name} with kind HOLIDAY or WORKDAY;
 * region may be a country (CN) or a subdivision (CN-SH); '#' starts a comment.
 */
public class WorkdayCalendar {

    private static final Map<LocalDate, Optional<DayKind>> CHINA_OFFICIAL = new ConcurrentHashMap<>();

    private final Map<String, DayKind> overrides = new HashMap<>();
    /** country|year of every file entry: a file listing a country's days of a year gives its arrangement */
    private final Set<String> countryYearsInFiles = new HashSet<>();

    public WorkdayCalendar() {
    }

    /** Reads the data files in order (later files win); a bad line fails with file and line number. */
    public static WorkdayCalendar fromFiles(List<NamedStream> files) {
        WorkdayCalendar calendar = new WorkdayCalendar();
        for (NamedStream file : files) {
            calendar.load(file);
        }
        return calendar;
    }

    /** A calendar file's name (for error messages) and how to open it. */
    public record NamedStream(String name, StreamOpener opener) {
    }

    @FunctionalInterface
    public interface StreamOpener {
        InputStream open() throws IOException;
    }

    private void load(NamedStream file) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.opener().open(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.toLowerCase(Locale.ROOT).startsWith("region,")) {
                    continue;
                }
                parseLine(file.name(), number, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read calendar file " + file.name() + ": " + e.getMessage(), e);
        }
    }

    private void parseLine(String file, int number, String text) {
        String[] parts = text.split(",", 4);
        String where = "calendar file " + file + " line " + number;
        if (parts.length < 3) {
            throw new IllegalStateException(where + ": expected region,date,kind[,name] but was '" + text + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[1].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(where + ": date '" + parts[1].strip() + "' is not YYYY-MM-DD");
        }
        String kind = parts[2].strip().toUpperCase(Locale.ROOT);
        DayKind dayKind = switch (kind) {
            case "HOLIDAY" -> DayKind.HOLIDAY;
            case "WORKDAY" -> DayKind.MAKEUP_WORKDAY;
            default -> throw new IllegalStateException(where + ": kind '" + parts[2].strip() + "' must be HOLIDAY or WORKDAY");
        };
        put(parts[0].strip(), date, dayKind);
    }

    /** Adds or overrides one day for a region or a whole country. */
    public void put(String region, LocalDate date, DayKind kind) {
        overrides.put(key(region, date), kind);
        countryYearsInFiles.add(country(region.toUpperCase(Locale.ROOT)) + '|' + date.getYear());
    }

    /**
     * Whether the official arrangement of China's holidays in {@code year} is known (tyme4j's data or a calendar file
     * with CN days of that year); if not, only the statutory holidays by law are kept.
     */
    public boolean chinaArrangementKnown(int year) {
        return ChinaStatutoryHolidays.published(year) || countryYearsInFiles.contains("CN|" + year);
    }

    public DayKind dayKind(String region, LocalDate date) {
        String normalized = region.toUpperCase(Locale.ROOT);
        DayKind kind = overrides.get(key(normalized, date));
        String country = country(normalized);
        if (kind == null) {
            kind = overrides.get(key(country, date));
        }
        if (kind == null && "CN".equals(country)) {
            Optional<DayKind> official = chinaOfficial(date);
            if (official.isPresent()) {
                kind = official.get();
            } else if (!chinaArrangementKnown(date.getYear())
                    && ChinaStatutoryHolidays.of(date.getYear()).contains(date)) {
                kind = DayKind.HOLIDAY;
            }
        }
        if (kind == null) {
            DayOfWeek dow = date.getDayOfWeek();
            kind = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
        }
        return kind;
    }

    /**
     * tyme4j's day of the official arrangement (holiday or make-up workday), if any. Its lookup formats and runs a
     * regular expression over its data on every call, and the guard asks for the same days again and again (every
     * check, every next-allowed search), so each date is looked up once.
     */
    private static Optional<DayKind> chinaOfficial(LocalDate date) {
        return CHINA_OFFICIAL.computeIfAbsent(date, d -> {
            LegalHoliday holiday = LegalHoliday.fromYmd(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            return holiday == null ? Optional.empty()
                : Optional.of(holiday.isWork() ? DayKind.MAKEUP_WORKDAY : DayKind.HOLIDAY);
        });
    }

    private static String country(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? region : region.substring(0, dash);
    }

    private static String key(String region, LocalDate date) {
        return region.toUpperCase(Locale.ROOT) + '|' + date;
    }
}
