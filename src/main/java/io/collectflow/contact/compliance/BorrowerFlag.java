package io.collectflow.contact.compliance;

/** Flags that stop every contact with a borrower while they are set. */
public enum BorrowerFlag {
    DECEASED(ReasonCode.DECEASED),
    DISPUTED(ReasonCode.DISPUTED),
    COMPLAINT_OPEN(ReasonCode.COMPLAINT_OPEN);

    private final ReasonCode reason;

    BorrowerFlag(ReasonCode reason) {
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }
}
