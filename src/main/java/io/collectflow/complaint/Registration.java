package io.collectflow.complaint;

/** What the complaint officer settles when registering: category and who/what the complaint is about. */
public record Registration(String category, String loanNo, String collectorId, String agencyId, String actor) {
}
