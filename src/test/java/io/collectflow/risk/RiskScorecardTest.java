package io.collectflow.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scorecard's points per dimension at their boundaries, and two whole fixtures computed by hand. */
class RiskScorecardTest {

    @ParameterizedTest
    @CsvSource({"0,0", "1,60", "29,60", "30,120", "59,120", "60,180", "89,180", "90,240", "179,240", "180,300", "900,300"})
    void dpd(int dpd, int points) {
        assertThat(RiskScorecard.dpdPoints(dpd)).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "499.99,0", "500,50", "1999.99,50", "2000,100", "9999.99,100", "10000,150"})
    void amount(String amount, int points) {
        assertThat(RiskScorecard.amountPoints(new BigDecimal(amount))).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "1,0,50", "2,1,75", "5,0,200", "5,2,150", "1,3,0"})
    void creditHistory(int delinquencies, int cures, int points) {
        assertThat(RiskScorecard.historyPoints(delinquencies, cures)).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"null,75", "0,0", "0.2999,0", "0.3,50", "0.4999,50", "0.5,100", "0.7,150", "2,150"})
    void indebtedness(String ratio, int points) {
        assertThat(RiskScorecard.indebtednessPoints(ratio == null ? null : new BigDecimal(ratio))).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"0,0,50", "0,4,0", "1,3,33", "1,2,50", "2,3,67", "5,5,100"})
    void ratioForContactValidityAndResponsiveness(int part, int whole, int points) {
        assertThat(RiskScorecard.ratioPoints(part, whole)).isEqualTo(points);
    }

    @Test
    void cleanBorrowerScoresLow() {
        // dpd 0 → 0, 300 → 0, no history 0, 0.1 → 0, 0 of 4 invalid → 0, 4 of 4 answered → 0
        RiskScorecard.Score s = RiskScorecard.score(new RiskFactors(0, new BigDecimal("300"), 0, 0,
            new BigDecimal("0.1"), 4, 0, 4, 4));
        assertThat(s.total()).isZero();
    }

    @Test
    void worstBorrowerScoresTheMaximum() {
        RiskScorecard.Score s = RiskScorecard.score(new RiskFactors(400, new BigDecimal("25000"), 6, 0,
            new BigDecimal("0.9"), 3, 3, 0, 3));
        assertThat(s).isEqualTo(new RiskScorecard.Score(300, 150, 200, 150, 100, 100));
        assertThat(s.total()).isEqualTo(RiskScorecard.MAX_SCORE);
    }
}
