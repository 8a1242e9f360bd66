package io.collectflow.complaint;

import java.time.Instant;

/** Confirmed misconduct charged to a collector or an agency (G3). */
public record AccountabilityRecord(long id, String complaintNo, String subjectType, String subjectId, String category,
        String finding, String remedy, String recordedBy, Instant recordedAt) {

    public static final String COLLECTOR = "COLLECTOR";
    public static final String AGENCY = "AGENCY";
}
