package io.collectflow.complaint;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.collectflow.contact.DbTime;

/** Accountability records (append-only): written when misconduct is confirmed, read by scorecards and supervision. */
@Service
public class AccountabilityService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AccountabilityService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One record per subject and complaint; recording the same again is a no-op. */
    public void record(Complaint complaint, String subjectType, String subjectId, String finding, String remedy,
            String actor) {
        Integer existing = jdbc.sql("""
                SELECT COUNT(*) FROM accountability_record WHERE complaint_id = :c AND subject_type = :t AND subject_id = :s
                """)
            .param("c", complaint.id()).param("t", subjectType).param("s", subjectId).query(Integer.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO accountability_record (complaint_id, subject_type, subject_id, category, finding, remedy,
                    recorded_by, recorded_at)
                VALUES (:c, :t, :s, :category, :finding, :remedy, :actor, :at)
                """)
            .param("c", complaint.id()).param("t", subjectType).param("s", subjectId)
            .param("category", complaint.category() == null ? null : complaint.category().name())
            .param("finding", finding).param("remedy", remedy).param("actor", actor)
            .param("at", DbTime.toDb(clock.instant())).update();
    }

    /** The records against a collector's user id or an agency id, newest first. */
    public List<AccountabilityRecord> forSubject(String subjectId) {
        return jdbc.sql("""
                SELECT a.*, c.complaint_no FROM accountability_record a JOIN complaint c ON c.id = a.complaint_id
                WHERE a.subject_id = :s ORDER BY a.recorded_at DESC, a.id DESC
                """)
            .param("s", subjectId)
            .query((rs, n) -> new AccountabilityRecord(rs.getLong("id"), rs.getString("complaint_no"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("category"),
                rs.getString("finding"), rs.getString("remedy"), rs.getString("recorded_by"),
                DbTime.fromDb(rs.getObject("recorded_at", LocalDateTime.class))))
            .list();
    }
}
