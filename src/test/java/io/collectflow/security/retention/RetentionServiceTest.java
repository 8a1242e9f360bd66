package io.collectflow.security.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Contact records older than the retention are purged; younger ones and referenced verdicts stay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetentionServiceTest {

    @Autowired
    RetentionService retention;
    @Autowired
    JdbcTemplate jdbc;

    static Timestamp at(String date) {
        return Timestamp.from(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).plusHours(10).toInstant());
    }

    private long verdict(String borrower, String date) {
        jdbc.update("INSERT INTO compliance_verdict (borrower_id, channel, operator_id, operator_type, checked_for,"
            + " borrower_local, region, timezone, verdict, reasons, rule_set_version, inputs, recorded_at)"
            + " VALUES (?, 'sms', 'system', 'SYSTEM', ?, 'x', 'CN-SH', 'Asia/Shanghai', 'ALLOWED', '', 'v', 'x', ?)",
            borrower, at(date), at(date));
        return jdbc.queryForObject("SELECT MAX(id) FROM compliance_verdict WHERE borrower_id = ?", Long.class, borrower);
    }

    private void contact(String borrower, String date, Long verdictId) {
        jdbc.update("INSERT INTO contact_log (occurred_at, borrower_id, channel, result, operator_id, operator_type,"
            + " verdict_id, recorded_at) VALUES (?, ?, 'sms', 'SENT', 'system', 'SYSTEM', ?, ?)", at(date), borrower,
            verdictId, at(date));
    }

    private int count(String table, String borrower) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE borrower_id = ?", Integer.class, borrower);
    }

    @Test
    void purgesOnlyWhatIsOlderThanFiveYears() {
        String b = "RET-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO borrower (borrower_id, name, id_number, phone, region, timezone, created_at)"
            + " VALUES (?, 'x', 'x', 'x', 'CN-SH', 'Asia/Shanghai', CURRENT_TIMESTAMP)", b);
        long oldVerdict = verdict(b, "2020-06-01");
        contact(b, "2020-06-01", oldVerdict);
        long oldVerdictOfKeptContact = verdict(b, "2021-01-01");
        contact(b, "2021-06-02", oldVerdictOfKeptContact);
        verdict(b, "2021-06-02");

        RetentionService.Purged purged = retention.purge(LocalDate.parse("2026-06-01"));

        assertThat(purged.cutoff()).isEqualTo(LocalDate.parse("2021-06-01"));
        assertThat(count("contact_log", b)).isEqualTo(1);
        // the 2020 verdict went with its contact; the one a kept contact refers to and the young one stay
        assertThat(jdbc.queryForList("SELECT id FROM compliance_verdict WHERE borrower_id = ?", Long.class, b))
            .doesNotContain(oldVerdict).contains(oldVerdictOfKeptContact).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'RETENTION_PURGE'", Integer.class))
            .isPositive();
    }

    @Test
    void retentionBelowThreeYearsIsRefused() {
        assertThatThrownBy(() -> new RetentionProperties(Period.ofYears(2))).hasMessageContaining("minimum");
        assertThat(new RetentionProperties(null).contactRecords()).isEqualTo(Period.ofYears(5));
    }
}
