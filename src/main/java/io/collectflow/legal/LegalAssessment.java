package io.collectflow.legal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Inputs of litigation-decision.dmn: the claim, what litigation may recover and what it costs. */
@Service
public class LegalAssessment {

    /** Share of an unsecured claim courts and enforcement typically recover. */
    static final BigDecimal UNSECURED_RECOVERY = new BigDecimal("0.30");
    /** Fixed court and lawyer cost plus a share of the claim. */
    static final BigDecimal FIXED_COST = new BigDecimal("3000");
    static final BigDecimal VARIABLE_COST = new BigDecimal("0.05");

    private final JdbcTemplate jdbc;
    private final CaseBundleService bundles;

    public LegalAssessment(JdbcTemplate jdbc, CaseBundleService bundles) {
        this.jdbc = jdbc;
        this.bundles = bundles;
    }

    public record Estimate(BigDecimal claim, BigDecimal expectedRecovery, BigDecimal estimatedCost,
            BigDecimal collateralValue) {
    }

    public Estimate estimate(String loanNo) {
        BigDecimal claim = bundles.balance(loanNo);
        BigDecimal collateral = collateralValue(loanNo);
        BigDecimal unsecured = claim.subtract(collateral.min(claim));
        BigDecimal recovery = collateral.min(claim).add(unsecured.multiply(UNSECURED_RECOVERY))
            .setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = FIXED_COST.add(claim.multiply(VARIABLE_COST)).setScale(2, RoundingMode.HALF_UP);
        return new Estimate(claim, recovery, cost, collateral);
    }

    public BigDecimal collateralValue(String loanNo) {
        return jdbc.queryForObject(
            "SELECT COALESCE(SUM(estimated_value), 0) FROM collateral WHERE loan_no = ? AND status = 'HELD'",
            BigDecimal.class, loanNo);
    }
}
