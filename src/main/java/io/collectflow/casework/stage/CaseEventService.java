package io.collectflow.casework.stage;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Flags and milestones of a case (table case_event). */
@Service
public class CaseEventService {

    public static final String CONTACT_DATA_INVALID = "CONTACT_DATA_INVALID";
    public static final String HANDOVER_90 = "HANDOVER_90";
    public static final String CURED = "CURED";

    private final JdbcTemplate jdbc;

    public CaseEventService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String loanNo, String eventType, String detail, Instant at) {
        jdbc.update("INSERT INTO case_event (loan_no, event_type, detail, created_at) VALUES (?, ?, ?, ?)",
            loanNo, eventType, truncate(detail), Timestamp.from(at));
    }

    public int count(String loanNo, String eventType) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE loan_no = ? AND event_type = ?",
            Integer.class, loanNo, eventType);
        return n == null ? 0 : n;
    }

    static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
