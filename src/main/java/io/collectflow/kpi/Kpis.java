package io.collectflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The KPI document of one day: what {@code GET /api/kpis} answers and what a snapshot stores.
 * {@code asOf}, {@code activeLoans} and {@code overdueRates} are the contract (CONTRACT.md "KPIs");
 * everything else sits beside them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Kpis(
        LocalDate asOf,
        long activeLoans,
        BigDecimal outstandingPrincipal,
        Map<String, OverdueRate> overdueRates,
        Map<String, Long> loansByBucket,
        RollRates rollRates,
        Cure cure,
        Map<String, BandRecovery> recoveryRates,
        Map<String, Map<String, BandRecovery>> recoveryByStrategy,
        Map<String, Map<String, BandRecovery>> recoveryByRiskGrade,
        Map<String, BandRecovery> recoveryByStage,
        Operations operations,
        List<TargetStatus> targets,
        List<ScorecardService.Scorecard> scorecards,
        List<Slice> slices,
        String source) {

    /** Share (0–1) of active loans with DPD ≥ the key, by count and by outstanding principal. */
    public record OverdueRate(BigDecimal byCount, BigDecimal byBalance, long loans, BigDecimal balance) {
    }

    /**
     * The figures of one value of a dimension (see {@link KpiCalculator#DIMENSIONS}). Loan-book figures
     * (active loans, outstanding, overdue rates) exist for product, region and risk grade (the grade on
     * asOf); the case dimensions (strategy, team, agency, collector) carry recovery only. Recovery by
     * risk grade uses the grade at the case's start.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slice(String dimension, String value, Long activeLoans, BigDecimal outstandingPrincipal,
            Map<String, OverdueRate> overdueRates, Map<String, BandRecovery> recoveryRates) {
    }

    /** Bucket on {@code from} → bucket (or PAID_OFF, WRITTEN_OFF) on {@code to}: loan counts and row shares. */
    public record RollRates(LocalDate from, LocalDate to, List<String> fromBuckets, List<String> toBuckets,
            Map<String, Map<String, Long>> counts, Map<String, Map<String, BigDecimal>> rates) {
    }

    /**
     * @param cureRate cases ended as cured in the month to asOf ÷ cases open at some time in that month
     * @param cureWithin90Days of the cases opened 91–455 days before asOf, the share cured within 90 days
     */
    public record Cure(long casesInMonth, long curedInMonth, BigDecimal cureRate,
            long cohortCases, long curedWithin90Days, BigDecimal cureWithin90Days) {
    }

    /**
     * Recovered ÷ still overdue at the band's start, for cases old enough to have entered the band (by
     * stage: overdue when the case entered the stage, paid while it was there; {@code cases} are stays).
     */
    public record BandRecovery(long cases, BigDecimal overdueAtStart, BigDecimal recovered, BigDecimal rate) {
    }

    /** Flows and costs in the month to asOf ((asOf − 1 month, asOf]). */
    public record Operations(LocalDate from, LocalDate to, long casesActive, long casesOpened,
            BigDecimal recovered, BigDecimal staffHours, BigDecimal staffCost, Map<String, Long> contactsByChannel,
            BigDecimal channelCost, BigDecimal agencyFees, BigDecimal totalCost, BigDecimal costPerCase,
            BigDecimal costPerUnitRecovered, long complaints, BigDecimal complaintRatePer1000Cases,
            BigDecimal avgDaysToFirstAction, BigDecimal avgDaysToFirstEffectiveContact,
            BigDecimal promiseKeptRate, BigDecimal rightPartyContactRate) {
    }

    /** A plan goal (SPEC I7) and whether the day meets it. */
    public record TargetStatus(String kpi, String comparison, BigDecimal target, BigDecimal actual, String status) {
    }

    static final int SCALE = 6;

    /** a ÷ b rounded half-up to 6 places; 0 when b is 0. */
    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? BigDecimal.ZERO.setScale(SCALE) : a.divide(b, SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long a, long b) {
        return ratio(BigDecimal.valueOf(a), BigDecimal.valueOf(b));
    }

    Kpis withSlices(List<Slice> newSlices) {
        return new Kpis(asOf, activeLoans, outstandingPrincipal, overdueRates, loansByBucket, rollRates, cure,
            recoveryRates, recoveryByStrategy, recoveryByRiskGrade, recoveryByStage, operations, targets, scorecards, newSlices, source);
    }

    Kpis withSource(String newSource) {
        return new Kpis(asOf, activeLoans, outstandingPrincipal, overdueRates, loansByBucket, rollRates, cure,
            recoveryRates, recoveryByStrategy, recoveryByRiskGrade, recoveryByStage, operations, targets, scorecards, slices, newSource);
    }

    Kpis withScorecards(List<ScorecardService.Scorecard> newScorecards) {
        return new Kpis(asOf, activeLoans, outstandingPrincipal, overdueRates, loansByBucket, rollRates, cure,
            recoveryRates, recoveryByStrategy, recoveryByRiskGrade, recoveryByStage, operations, targets, newScorecards,
            slices, source);
    }
}
