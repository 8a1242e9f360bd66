package io.collectflow.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings ({@code collectflow.ops.*}).
 *
 * @param metrics how the Camunda gauges are read
 * @param engineSchema who owns Camunda's tables: {@code engine} (the engine creates them itself,
 *        {@code camunda.bpm.database.schema-update=true}; demo and tests) or {@code flyway} (our
 *        migrations V40/V41 apply Camunda's own SQL scripts; prod)
 */
@ConfigurationProperties("collectflow.ops")
public record OpsProperties(@DefaultValue Metrics metrics, @DefaultValue("engine") EngineSchema engineSchema) {

    /** @param refresh how long a count is reused before the database is asked again */
    public record Metrics(@DefaultValue("30s") Duration refresh) {
    }

    public enum EngineSchema { ENGINE, FLYWAY }
}
