package io.collectflow.kpi.challenger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The live champion/challenger comparison of one day ({@code GET /api/kpis/challenger}): per strategy arm the cases
 * opened in the window and their outcomes, and for the champion and the challenger the differences with 95 %
 * intervals and p-values. Rates and bounds are null where an arm has no case old enough to count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengerReport(LocalDate asOf, LocalDate from, String champion, String challenger,
        Double configuredShare, Assignment assignment, List<Arm> arms, List<Comparison> differences) {

    public static final String CURE_30 = "cure30";
    public static final String CURE_90 = "cure90";
    public static final String ROLL_30 = "roll30";
    public static final String RECOVERY_90 = "recovery90";
    /** The outcome metrics, in the order of {@code differences}. */
    public static final List<String> METRICS = List.of(CURE_30, CURE_90, ROLL_30, RECOVERY_90);

    /**
     * How the champion's and challenger's cases of the window split: the challenger's observed share against the
     * configured one, with the p-value of a split that far off by chance (sample ratio check).
     */
    public record Assignment(long cases, long challengerCases, Double observedShare, Double p) {
    }

    /** One strategy variant's cases opened in the window ({@code "(none)"}: cases without a recorded variant). */
    public record Arm(String strategy, long cases, Rate cure30, Rate cure90, Rate roll30, Recovery recovery90) {
    }

    /** {@code events} of {@code cases} old enough to count, with the 95 % interval of the rate (Wilson). */
    public record Rate(long cases, long events, Double rate, Double ci95Low, Double ci95High) {
    }

    /** Recovered ÷ overdue at start over the cases old enough to count, with its 95 % interval (delta method). */
    public record Recovery(long cases, BigDecimal overdueAtStart, BigDecimal recovered, Double rate, Double ci95Low,
            Double ci95High) {
    }

    /**
     * Challenger minus champion on one metric, with its 95 % interval and two-sided p-value; {@code clear} when the
     * interval excludes 0.
     */
    public record Comparison(String metric, Double champion, Double challenger, Double difference, Double ci95Low,
            Double ci95High, Double p, boolean clear) {
    }
}
