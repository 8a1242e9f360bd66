package io.collectflow.complaint;

import java.time.Instant;

/** A stored complaint (the fields the process, the feedback and the reports need). */
public record Complaint(long id, String complaintNo, IntakeChannel channel, Instant receivedAt, String complainantName,
        String complainantPhone, String complainantEmail, String statedLoanNo, String linkedLoanNo, String borrowerId,
        String collectorId, String agencyId, ComplaintCategory category, String text, String status,
        Instant acknowledgeBy, Instant resolveBy, String decision, boolean misconductConfirmed, String remedy) {

    public static final String STATUS_RECEIVED = "RECEIVED";
    public static final String STATUS_REGISTERED = "REGISTERED";
    public static final String STATUS_DECIDED = "DECIDED";
    public static final String STATUS_FEEDBACK_SENT = "FEEDBACK_SENT";
    public static final String STATUS_ARCHIVED = "ARCHIVED";
}
