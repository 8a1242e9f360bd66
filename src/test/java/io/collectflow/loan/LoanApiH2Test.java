package io.collectflow.loan;

/** {@link LoanApiContract} on the embedded H2 database of the test profile. */
class LoanApiH2Test extends LoanApiContract {
}
