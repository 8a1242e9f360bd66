package io.collectflow.simulation;

/**
 * Student's t distribution for the replication report's p-values: P(|T| ≥ t) with {@code df} degrees of freedom,
 * through the regularized incomplete beta function, {@code I_x(df/2, 1/2)} at {@code x = df / (df + t²)}. The
 * degrees of freedom are whole numbers (seeds − 1), so the gamma function is only needed at halves of whole
 * numbers, where it is exact.
 */
final class StudentT {

    private static final int MAX_TERMS = 500;
    private static final double EPSILON = 1e-14;
    private static final double TINY = 1e-300;

    private StudentT() {
    }

    /** Two-sided p-value of the statistic {@code t} with {@code df} ≥ 1 degrees of freedom. */
    static double twoSidedP(double t, int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + df);
        }
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0;
        }
        return regularizedBeta(df / (df + t * t), df, 1);
    }

    /** {@code I_x(a/2, b/2)} for whole numbers {@code a, b} ≥ 1. */
    static double regularizedBeta(double x, int twiceA, int twiceB) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double a = twiceA / 2.0;
        double b = twiceB / 2.0;
        double front = Math.exp(lnGammaOfHalf(twiceA + twiceB) - lnGammaOfHalf(twiceA) - lnGammaOfHalf(twiceB)
            + a * Math.log(x) + b * Math.log1p(-x));
        // the continued fraction converges fast on this side of the mean; the other side by symmetry
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** ln Γ(k / 2) for a whole k ≥ 1: from Γ(1/2) = √π or Γ(1) = 1 up by Γ(z + 1) = z Γ(z). */
    static double lnGammaOfHalf(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        double z = k % 2 == 0 ? 1 : 0.5;
        double value = k % 2 == 0 ? 0 : 0.5 * Math.log(Math.PI);
        for (; z < k / 2.0; z++) {
            value += Math.log(z);
        }
        return value;
    }

    /**
     * The incomplete beta function's continued fraction 1 / (1 + d1 / (1 + d2 / (1 + …))), evaluated from the
     * front by the modified Lentz method.
     */
    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / nonZero(d);
        double result = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double step = d * c;
            result *= step;
            if (Math.abs(step - 1) < EPSILON) {
                return result;
            }
        }
        return result;
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }
}
