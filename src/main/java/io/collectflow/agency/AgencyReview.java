package io.collectflow.agency;

import java.time.LocalDate;

/** The outcome of a qualification review: licence, rating (1–5), signed NDA and whether the review passed. */
public record AgencyReview(String licenceNo, LocalDate licenceExpiresOn, Integer rating, Boolean ndaSigned,
        Boolean qualified) {

    /**
     * Checks the review; throws {@link InvalidAgencyException} naming the first bad field. A review cannot
     * pass for an agency without a signed NDA or with a licence that has expired by {@code today}.
     */
    public void validate(LocalDate today) {
        if (licenceNo == null || licenceNo.isBlank()) {
            throw new InvalidAgencyException("licenceNo", "required");
        }
        if (licenceNo.length() > 64) {
            throw new InvalidAgencyException("licenceNo", "at most 64 characters");
        }
        if (licenceExpiresOn == null) {
            throw new InvalidAgencyException("licenceExpiresOn", "required (yyyy-MM-dd)");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidAgencyException("rating", "required, 1 (poor) to 5 (excellent)");
        }
        if (ndaSigned == null) {
            throw new InvalidAgencyException("ndaSigned", "required (true or false)");
        }
        if (qualified == null) {
            throw new InvalidAgencyException("qualified", "required (true or false)");
        }
        if (qualified && !ndaSigned) {
            throw new InvalidAgencyException("qualified", "an agency without a signed NDA cannot pass the review");
        }
        if (qualified && licenceExpiresOn.isBefore(today)) {
            throw new InvalidAgencyException("qualified",
                "the licence expired on " + licenceExpiresOn + "; an agency with an expired licence cannot pass the review");
        }
    }
}
