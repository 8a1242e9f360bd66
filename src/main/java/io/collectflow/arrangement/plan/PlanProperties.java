package io.collectflow.arrangement.plan;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of repayment plans ({@code collectflow.arrangement.*}).
 *
 * @param affordabilityRatio  share of the declared monthly income that may go to debt service (other debts included)
 * @param confirmationValidity how long the borrower's one-time confirmation link is valid
 * @param installmentGrace    days after a plan installment's due date before it counts as missed
 * @param reviewCycle         ISO-8601 repeating interval of the collector's plan review task
 */
@ConfigurationProperties("collectflow.arrangement")
public record PlanProperties(
        @DefaultValue("0.4") BigDecimal affordabilityRatio,
        @DefaultValue("P7D") Duration confirmationValidity,
        @DefaultValue("3") int installmentGrace,
        @DefaultValue("R/P1M") String reviewCycle) {
}
