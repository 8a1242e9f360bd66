package io.collectflow.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The E2 scorecard: 0 (no risk) to 1000 (highest risk), the sum of six dimensions.
 *
 * <pre>
 * DPD              max 300   0 → 0, 1–29 → 60, 30–59 → 120, 60–89 → 180, 90–179 → 240, 180+ → 300
 * overdue amount   max 150   &lt; 500 → 0, &lt; 2,000 → 50, &lt; 10,000 → 100, else 150
 * credit history   max 200   50 per past delinquency (max 200) minus 25 per cure, never below 0
 * indebtedness     max 150   debts/income unknown → 75; &lt; 0.3 → 0, &lt; 0.5 → 50, &lt; 0.7 → 100, else 150
 * contact validity max 100   no attempt → 50; else 100 × invalid / attempts (rounded half up)
 * responsiveness   max 100   no report → 50; else 100 × (reports − answered) / reports (rounded half up)
 * </pre>
 */
public final class RiskScorecard {

    public static final int MAX_SCORE = 1000;

    private RiskScorecard() {
    }

    public static Score score(RiskFactors f) {
        return new Score(dpdPoints(f.dpd()), amountPoints(f.overdueAmount()),
            historyPoints(f.pastDelinquencies(), f.cures()), indebtednessPoints(f.debtToIncome()),
            ratioPoints(f.invalidContacts(), f.contactAttempts()),
            ratioPoints(f.reportedContacts() - f.answeredContacts(), f.reportedContacts()));
    }

    static int dpdPoints(int dpd) {
        if (dpd <= 0) {
            return 0;
        }
        if (dpd >= 180) {
            return 300;
        }
        if (dpd >= 90) {
            return 240;
        }
        if (dpd >= 60) {
            return 180;
        }
        return dpd >= 30 ? 120 : 60;
    }

    static int amountPoints(BigDecimal amount) {
        if (amount == null || amount.compareTo(new BigDecimal("500")) < 0) {
            return 0;
        }
        if (amount.compareTo(new BigDecimal("2000")) < 0) {
            return 50;
        }
        return amount.compareTo(new BigDecimal("10000")) < 0 ? 100 : 150;
    }

    static int historyPoints(int delinquencies, int cures) {
        return Math.max(0, Math.min(200, 50 * delinquencies) - 25 * cures);
    }

    static int indebtednessPoints(BigDecimal debtToIncome) {
        if (debtToIncome == null) {
            return 75;
        }
        if (debtToIncome.compareTo(new BigDecimal("0.3")) < 0) {
            return 0;
        }
        if (debtToIncome.compareTo(new BigDecimal("0.5")) < 0) {
            return 50;
        }
        return debtToIncome.compareTo(new BigDecimal("0.7")) < 0 ? 100 : 150;
    }

    /** 100 × part / whole, half up; 50 (unknown) when nothing was attempted. */
    static int ratioPoints(int part, int whole) {
        if (whole <= 0) {
            return 50;
        }
        return BigDecimal.valueOf(100L * Math.max(0, part)).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
            .intValue();
    }

    /** Points per dimension and their sum. */
    public record Score(int dpd, int amount, int history, int indebtedness, int validity, int responsiveness) {
        public int total() {
            return dpd + amount + history + indebtedness + validity + responsiveness;
        }
    }
}
