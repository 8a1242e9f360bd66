package io.collectflow.kpi.challenger;

import java.util.List;

/**
 * The statistics of a live champion/challenger comparison, on large-sample (normal) approximations: Wilson's interval
 * for a share, Newcombe's hybrid score interval and the pooled z-test for the difference of two shares, and for a
 * ratio of sums (recovered / overdue over the cases) the delta-method standard error, treating each case as one
 * draw. 95 % intervals, two-sided p-values.
 */
final class ArmStatistics {

    /** The normal distribution's two-sided 95 % quantile. */
    static final double Z95 = 1.959963984540054;

    private ArmStatistics() {
    }

    /** A share: {@code events} of {@code n}, with its Wilson interval (NaN when n is 0). */
    record Share(long n, long events, double rate, double low, double high) {

        static Share of(long n, long events) {
            if (events < 0 || events > n) {
                throw new IllegalArgumentException(events + " events of " + n);
            }
            if (n == 0) {
                return new Share(0, 0, Double.NaN, Double.NaN, Double.NaN);
            }
            double p = (double) events / n;
            double z2 = Z95 * Z95;
            double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
            return new Share(n, events, p, Math.max(0, centre - half), Math.min(1, centre + half));
        }
    }

    /** A ratio of sums over cases, {@code Σ numerator / Σ denominator}, with its delta-method standard error. */
    record Ratio(long n, double numerator, double denominator, double rate, double standardError) {

        /** {@code pairs}: per case {numerator, denominator}; cases with a denominator of 0 or less are left out. */
        static Ratio of(List<double[]> pairs) {
            List<double[]> used = pairs.stream().filter(p -> p[1] > 0).toList();
            int n = used.size();
            double num = used.stream().mapToDouble(p -> p[0]).sum();
            double den = used.stream().mapToDouble(p -> p[1]).sum();
            if (n == 0) {
                return new Ratio(0, 0, 0, Double.NaN, Double.NaN);
            }
            double rate = num / den;
            if (n < 2) {
                return new Ratio(n, num, den, rate, Double.NaN);
            }
            // linearised: each case's residual (num_i − R den_i), scaled by the mean denominator
            double meanDen = den / n;
            double squares = 0;
            for (double[] p : used) {
                double residual = p[0] - rate * p[1];
                squares += residual * residual;
            }
            double standardError = Math.sqrt(squares / (n - 1) / n) / meanDen;
            return new Ratio(n, num, den, rate, standardError);
        }

        double low() {
            return rate - Z95 * standardError;
        }

        double high() {
            return rate + Z95 * standardError;
        }
    }

    /** Second minus first, with a 95 % interval and a two-sided p-value of "no difference". */
    record Difference(double value, double low, double high, double p) {

        static final Difference NONE = new Difference(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        /** The interval excludes 0. */
        boolean clear() {
            return low > 0 || high < 0;
        }
    }

    /** Newcombe's interval (from the two Wilson intervals) and the pooled two-proportion z-test. */
    static Difference difference(Share first, Share second) {
        if (first.n() == 0 || second.n() == 0) {
            return Difference.NONE;
        }
        double d = second.rate() - first.rate();
        double low = d - Math.sqrt(square(second.rate() - second.low()) + square(first.high() - first.rate()));
        double high = d + Math.sqrt(square(second.high() - second.rate()) + square(first.rate() - first.low()));
        double pooled = (double) (first.events() + second.events()) / (first.n() + second.n());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / first.n() + 1.0 / second.n()));
        double p = se == 0 ? (d == 0 ? 1 : 0) : twoSidedP(d / se);
        return new Difference(d, low, high, p);
    }

    /** Independent arms: the standard errors add in squares. */
    static Difference difference(Ratio first, Ratio second) {
        if (Double.isNaN(first.standardError()) || Double.isNaN(second.standardError())) {
            return Difference.NONE;
        }
        double d = second.rate() - first.rate();
        double se = Math.sqrt(square(first.standardError()) + square(second.standardError()));
        double p = se == 0 ? (d == 0 ? 1 : 0) : twoSidedP(d / se);
        return new Difference(d, d - Z95 * se, d + Z95 * se, p);
    }

    /**
     * Sample ratio check: were {@code events} of {@code n} cases assigned to the challenger consistent with the
     * configured {@code share}? Two-sided p-value of the binomial's normal approximation; NaN when the share is 0 or 1
     * or there are no cases.
     */
    static double assignmentP(long n, long events, double share) {
        if (n == 0 || Double.isNaN(share) || share <= 0 || share >= 1) {
            return Double.NaN;
        }
        return twoSidedP((events - n * share) / Math.sqrt(n * share * (1 - share)));
    }

    /** P(|Z| ≥ |z|) for a standard normal Z. */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * The complementary error function for x ≥ 0, from its continued fraction beyond 2 and the power series of erf
     * below; accurate to about 1e-13 either side.
     */
    static double erfc(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("x must be 0 or more, not " + x);
        }
        if (x < 2) {
            // erf(x) = 2/√π Σ (−1)^k x^(2k+1) / (k! (2k+1))
            double term = x;
            double sum = x;
            for (int k = 1; k < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
                term *= -x * x / k;
                sum += term / (2 * k + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))), evaluated from the tail
        double tail = x;
        for (int k = 120; k >= 1; k--) {
            tail = x + (k / 2.0) / tail;
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / tail;
    }

    private static double square(double v) {
        return v * v;
    }
}
