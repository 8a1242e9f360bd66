package io.collectflow.agency.web;

/** The loan is unknown or not placed with the caller's agency: answered like an unknown loan. */
class NotPlacedException extends RuntimeException {

    NotPlacedException(String loanNo) {
        super("no case " + loanNo + " placed with your agency");
    }
}
