package io.collectflow.agency;

/** The agency may not receive placements (now): not qualified, no NDA, licence expired, suspended or unknown. */
public class AgencyNotEligibleException extends IllegalStateException {

    public AgencyNotEligibleException(String code, String why) {
        super("agency " + code + " may not receive placements: " + why);
    }
}
