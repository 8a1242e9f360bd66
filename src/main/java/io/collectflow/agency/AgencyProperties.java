package io.collectflow.agency;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.agency.*}: placement term, fees by debt age, supervision and the challenger share. */
@ConfigurationProperties("collectflow.agency")
public class AgencyProperties {

    /** A placement is recalled automatically after this long. */
    private Duration placementTerm = Duration.ofDays(90);
    /** Supervision task cycle (ISO 8601 repeating interval). */
    private String supervisionCycle = "R/P30D";
    /** Contact-log entries sampled for each supervision task. */
    private int supervisionSample = 10;
    /** Commission (% of recovered amounts) below 180 days past due. */
    private BigDecimal feeUnder180 = new BigDecimal("15.00");
    /** Commission from 180 up to 359 days past due. */
    private BigDecimal feeUnder360 = new BigDecimal("20.00");
    /** Commission from 360 days past due. */
    private BigDecimal feeFrom360 = new BigDecimal("25.00");

    /** Fee percent by debt age. */
    public BigDecimal feeFor(int dpd) {
        if (dpd >= 360) {
            return feeFrom360;
        }
        return dpd >= 180 ? feeUnder360 : feeUnder180;
    }

    public Duration getPlacementTerm() {
        return placementTerm;
    }

    public void setPlacementTerm(Duration placementTerm) {
        this.placementTerm = placementTerm;
    }

    public String getSupervisionCycle() {
        return supervisionCycle;
    }

    public void setSupervisionCycle(String supervisionCycle) {
        this.supervisionCycle = supervisionCycle;
    }

    public int getSupervisionSample() {
        return supervisionSample;
    }

    public void setSupervisionSample(int supervisionSample) {
        this.supervisionSample = supervisionSample;
    }

    public BigDecimal getFeeUnder180() {
        return feeUnder180;
    }

    public void setFeeUnder180(BigDecimal feeUnder180) {
        this.feeUnder180 = feeUnder180;
    }

    public BigDecimal getFeeUnder360() {
        return feeUnder360;
    }

    public void setFeeUnder360(BigDecimal feeUnder360) {
        this.feeUnder360 = feeUnder360;
    }

    public BigDecimal getFeeFrom360() {
        return feeFrom360;
    }

    public void setFeeFrom360(BigDecimal feeFrom360) {
        this.feeFrom360 = feeFrom360;
    }
}
