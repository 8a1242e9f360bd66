package io.collectflow.contact.compliance;

/** The loan number names no loan in the loan book. */
public class UnknownLoanException extends RuntimeException {

    public UnknownLoanException(String loanNo) {
        super("unknown loan '" + loanNo + "'");
    }
}
