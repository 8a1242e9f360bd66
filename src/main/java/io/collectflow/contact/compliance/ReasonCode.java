package io.collectflow.contact.compliance;

/** Stable codes for why a contact is blocked (part of the external contract: never rename, only add). */
public enum ReasonCode {
    /** Outside the borrower-local contact window (default 09:00-21:00). */
    OUTSIDE_HOURS,
    /** A public holiday in the borrower's region (statutory or from the calendar data file). */
    HOLIDAY,
    /** An ordinary weekend day that is not a make-up workday. */
    WEEKEND,
    /** A per-channel cap (contacts per day, or the rest days after consecutive calling days). */
    FREQUENCY_CAP,
    COMPLAINT_OPEN,
    DECEASED,
    DISPUTED
}
