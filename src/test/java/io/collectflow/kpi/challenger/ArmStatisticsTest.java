package io.collectflow.kpi.challenger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The live comparison's statistics against published examples and hand arithmetic. */
class ArmStatisticsTest {

    @Test
    void theComplementaryErrorFunctionAgainstTables() {
        assertThat(ArmStatistics.erfc(0)).isEqualTo(1.0);
        assertThat(ArmStatistics.erfc(0.5)).isCloseTo(0.4795001221869535, within(1e-13));
        assertThat(ArmStatistics.erfc(1)).isCloseTo(0.15729920705028513, within(1e-13));
        assertThat(ArmStatistics.erfc(2)).isCloseTo(0.004677734981047266, within(1e-14));
        assertThat(ArmStatistics.erfc(3)).isCloseTo(2.209049699858544e-05, within(1e-16));
        assertThat(ArmStatistics.twoSidedP(ArmStatistics.Z95)).isCloseTo(0.05, within(1e-12));
        assertThat(ArmStatistics.twoSidedP(-1.0)).isCloseTo(0.31731050786291415, within(1e-12));
    }

    @Test
    void wilsonsIntervalOfAShare() {
        // 3 of 10: the interval usually quoted for Wilson's score method, 0.1078 .. 0.6032
        ArmStatistics.Share s = ArmStatistics.Share.of(10, 3);
        assertThat(s.rate()).isEqualTo(0.3);
        assertThat(s.low()).isCloseTo(0.1078, within(1e-4));
        assertThat(s.high()).isCloseTo(0.6032, within(1e-4));
        assertThat(ArmStatistics.Share.of(5, 0).low()).isEqualTo(0.0);
        assertThat(ArmStatistics.Share.of(0, 0).rate()).isNaN();
    }

    @Test
    void newcombesIntervalAndThePooledTestForTwoShares() {
        // Newcombe (1998), example: 56/70 against 48/80, difference 0.2000, hybrid score interval 0.0524 .. 0.3339
        ArmStatistics.Difference d = ArmStatistics.difference(ArmStatistics.Share.of(80, 48), ArmStatistics.Share.of(70, 56));
        assertThat(d.value()).isCloseTo(0.2, within(1e-12));
        assertThat(d.low()).isCloseTo(0.0524, within(1e-4));
        assertThat(d.high()).isCloseTo(0.3339, within(1e-4));
        // pooled 104/150: z = 0.2 / sqrt(0.693333 x 0.306667 x (1/70 + 1/80)) = 2.6502
        assertThat(d.p()).isCloseTo(ArmStatistics.twoSidedP(2.65016), within(1e-5)).isCloseTo(0.00805, within(1e-4));
        assertThat(d.clear()).isTrue();
        assertThat(ArmStatistics.difference(ArmStatistics.Share.of(0, 0), ArmStatistics.Share.of(5, 1)).value()).isNaN();
    }

    @Test
    void theRatioOfSumsAndItsDeltaMethodError() {
        // 10/100, 0/100, 50/100: R = 0.2; residuals -10, -20, 30: sqrt(1400 / 2 / 3) / 100 = 0.152753
        ArmStatistics.Ratio r = ArmStatistics.Ratio.of(List.of(new double[] {10, 100}, new double[] {0, 100},
            new double[] {50, 100}, new double[] {5, 0}));
        assertThat(r.n()).as("a case with nothing overdue is left out").isEqualTo(3);
        assertThat(r.rate()).isCloseTo(0.2, within(1e-12));
        assertThat(r.standardError()).isCloseTo(0.152753, within(1e-6));
        ArmStatistics.Difference d = ArmStatistics.difference(r, ArmStatistics.Ratio.of(List.of(new double[] {90, 100},
            new double[] {70, 100})));
        // second: R = 0.8, residuals 10, -10: sqrt(200 / 1 / 2) / 100 = 0.1
        assertThat(d.value()).isCloseTo(0.6, within(1e-12));
        double se = Math.sqrt(0.152753 * 0.152753 + 0.01);
        assertThat(d.low()).isCloseTo(0.6 - ArmStatistics.Z95 * se, within(1e-5));
        assertThat(d.p()).isCloseTo(ArmStatistics.twoSidedP(0.6 / se), within(1e-6));
        assertThat(ArmStatistics.Ratio.of(List.of(new double[] {1, 2})).standardError()).as("one case").isNaN();
    }

    @Test
    void theSampleRatioCheck() {
        assertThat(ArmStatistics.assignmentP(1000, 200, 0.2)).isCloseTo(1.0, within(1e-12));
        // 250 of 1,000 at 20 %: z = 50 / sqrt(160) = 3.9528
        assertThat(ArmStatistics.assignmentP(1000, 250, 0.2)).isCloseTo(ArmStatistics.twoSidedP(3.952847), within(1e-9))
            .isLessThan(1e-4);
        assertThat(ArmStatistics.assignmentP(1000, 0, 0)).isNaN();
        assertThat(ArmStatistics.assignmentP(1000, 10, Double.NaN)).isNaN();
    }
}
