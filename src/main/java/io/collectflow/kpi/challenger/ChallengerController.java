package io.collectflow.kpi.challenger;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.loan.LenderCalendar;
import io.collectflow.casework.stage.StrategyVariantAssignment;

/**
 * {@code GET /api/kpis/challenger}: the live champion/challenger comparison for managers (SPEC I8), by default the
 * configured champion and challenger over the cases opened in the year up to today.
 */
@RestController
public class ChallengerController {

    static final int DEFAULT_WINDOW_DAYS = 365;

    private final ChallengerService comparisons;
    private final StrategyVariantAssignment assignment;
    private final LenderCalendar calendar;

    public ChallengerController(ChallengerService comparisons, StrategyVariantAssignment assignment,
            LenderCalendar calendar) {
        this.comparisons = comparisons;
        this.assignment = assignment;
        this.calendar = calendar;
    }

    @GetMapping("/api/kpis/challenger")
    public ChallengerReport compare(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) String champion, @RequestParam(required = false) String challenger) {
        LocalDate end = asOf != null ? asOf : calendar.today();
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_WINDOW_DAYS);
        String first = blank(champion) ? assignment.champion() : champion.trim();
        String second = blank(challenger) ? assignment.challenger() : challenger.trim();
        // the configured share describes the configured pair only
        boolean configuredPair = first.equals(assignment.champion()) && second.equals(assignment.challenger());
        return comparisons.compare(start, end, first, second, configuredPair ? assignment.share() : Double.NaN);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
