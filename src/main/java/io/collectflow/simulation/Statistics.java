package io.collectflow.simulation;

/**
 * Mean, the 95 % confidence interval of the mean and the standard error (NaN below two values), of the non-NaN
 * values.
 */
record Statistics(int n, double mean, double low, double high, double standardError) {

    /** Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom; 1.96 beyond. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    static Statistics of(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Statistics(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double half = t95(n - 1) * standardError;
        return new Statistics(n, mean, mean - half, mean + half, standardError);
    }

    /**
     * Two-sided p-value of "the mean is 0" (Student's t, n − 1 degrees of freedom); NaN below two values. Values
     * all alike give 1 at 0 and 0 elsewhere.
     */
    double p() {
        if (n < 2) {
            return Double.NaN;
        }
        if (standardError == 0) {
            return mean == 0 ? 1 : 0;
        }
        return StudentT.twoSidedP(mean / standardError, n - 1);
    }

    /** The interval lies wholly above or below 0. */
    boolean clear() {
        return n >= 2 && (low > 0 || high < 0);
    }

    private static double t95(int degreesOfFreedom) {
        return degreesOfFreedom <= T95.length ? T95[degreesOfFreedom - 1] : 1.96;
    }
}
