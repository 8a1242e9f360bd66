package io.collectflow.loan.delinquency;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** One row per scan in {@code delinquency_scan_run}: when it ran, on which node, and what it did. */
@Component
class ScanRunLog {

    private final JdbcTemplate jdbc;

    ScanRunLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long started(LocalDate asOf, String node) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(
                "INSERT INTO delinquency_scan_run (as_of, started_at, node) VALUES (?, ?, ?)", new String[] {"id"});
            ps.setObject(1, asOf);
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, node);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void finished(long runId, ScanResult result) {
        jdbc.update("""
            UPDATE delinquency_scan_run SET finished_at = ?, loans_scanned = ?, delinquent = ?,
                   cases_opened = ?, cases_updated = ?, cases_cured = ?, cases_failed = ?
             WHERE id = ?""",
            Timestamp.from(Instant.now()), result.loansScanned(), result.delinquent(), result.casesOpened(),
            result.casesUpdated(), result.casesCured(), result.casesFailed(), runId);
    }
}
