package io.collectflow.complaint;

/** The investigation's findings and the handling decision with its remedy. */
public record DecisionInput(String findings, boolean misconductConfirmed, String decision, String remedy,
        String collectorId, String agencyId, String actor) {
}
