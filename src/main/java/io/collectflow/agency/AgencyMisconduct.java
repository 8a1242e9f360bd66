package io.collectflow.agency;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;

/** Misconduct found in supervision: an accountability record against the agency (no complaint behind it). */
@Service
public class AgencyMisconduct {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AgencyMisconduct(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String agencyCode, String finding, String loanNo) {
        jdbc.update("""
            INSERT INTO accountability_record (complaint_id, subject_type, subject_id, category, finding, remedy,
                recorded_by, recorded_at) VALUES (NULL, 'AGENCY', ?, 'SUPERVISION', ?, ?, 'supervision', ?)""",
            agencyCode, "loan " + loanNo + ": " + (finding == null || finding.isBlank() ? "misconduct" : finding),
            "placement recalled", DbTime.toDb(clock.instant()));
    }
}
