package io.collectflow.casework.stage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the collection case ({@code collectflow.case.*}).
 *
 * @param strategyVariant     the strategy variant new cases start with: {@code expanded} or {@code short}
 * @param promiseGrace        how long after the promise date the payment check waits
 * @param noResponseEscalation how long a borrower may stay unreachable before first line escalates (B5)
 * @param followUpDelay       the next contact when the collector gave no follow-up date
 */
@ConfigurationProperties("collectflow.case")
public record CaseworkProperties(
        @DefaultValue("expanded") String strategyVariant,
        @DefaultValue("P2D") Duration promiseGrace,
        @DefaultValue("P3D") Duration noResponseEscalation,
        @DefaultValue("P1D") Duration followUpDelay) {
}
