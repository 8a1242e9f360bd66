package io.collectflow.e2e;

/** {@link LoanToCaseJourney} on the embedded H2 database of the test profile. */
class LoanToCaseJourneyH2Test extends LoanToCaseJourney {
}
