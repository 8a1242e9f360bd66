package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The t distribution behind the replication report's p-values, against closed forms and the 95 % table. */
class StudentTTest {

    @Test
    void oneDegreeOfFreedomIsTheCauchyDistribution() {
        for (double t : new double[] {0.1, 0.5, 1, 2.5, 12.706, 100}) {
            assertThat(StudentT.twoSidedP(t, 1)).as("t = %s", t)
                .isCloseTo(1 - 2 / Math.PI * Math.atan(t), within(1e-10));
            assertThat(StudentT.twoSidedP(-t, 1)).as("two-sided").isCloseTo(StudentT.twoSidedP(t, 1), within(1e-15));
        }
    }

    @Test
    void twoDegreesOfFreedomHaveAClosedForm() {
        for (double t : new double[] {0.01, 0.3, 1, 2, 4.303, 5.196, 30}) {
            assertThat(StudentT.twoSidedP(t, 2)).as("t = %s", t)
                .isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-10));
        }
    }

    @Test
    void theQuantilesOfTheIntervalTableGiveFivePercent() {
        double[] quantiles = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
            2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052,
            2.048, 2.045, 2.042};
        for (int df = 1; df <= quantiles.length; df++) {
            assertThat(StudentT.twoSidedP(quantiles[df - 1], df)).as("df = %d", df).isCloseTo(0.05, within(2e-4));
        }
        assertThat(StudentT.twoSidedP(1.959964, 100_000)).as("the normal limit").isCloseTo(0.05, within(1e-4));
    }

    @Test
    void edgesAndBadInput() {
        assertThat(StudentT.twoSidedP(0, 3)).isEqualTo(1.0);
        assertThat(StudentT.twoSidedP(Double.POSITIVE_INFINITY, 3)).isEqualTo(0.0);
        assertThat(StudentT.twoSidedP(Double.NaN, 3)).isNaN();
        assertThat(StudentT.twoSidedP(1e6, 3)).isBetween(0.0, 1e-15);
        assertThat(StudentT.lnGammaOfHalf(1)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-15));
        assertThat(StudentT.lnGammaOfHalf(10)).as("Γ(5) = 24").isCloseTo(Math.log(24), within(1e-12));
        assertThatThrownBy(() -> StudentT.twoSidedP(1, 0)).hasMessageContaining("degrees of freedom");
    }
}
