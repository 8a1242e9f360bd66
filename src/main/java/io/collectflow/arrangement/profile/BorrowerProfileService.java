package io.collectflow.arrangement.profile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The borrower's 360° view (E3): loans with DPD/bucket history, contacts (log and collector
 * reports), promises, repayment plans with their installments, complaints and the risk history.
 * Borrower data is read with plain JDBC (no borrower service exists yet).
 */
@Service
public class BorrowerProfileService {

    private final JdbcTemplate jdbc;

    public BorrowerProfileService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> borrowerOfLoan(String loanNo) {
        return jdbc.queryForList("SELECT borrower_id FROM loan WHERE loan_no = ?", String.class, loanNo).stream().findFirst();
    }

    public Optional<Map<String, Object>> profile(String borrowerId) {
        List<Map<String, Object>> borrower = rows(
            "SELECT borrower_id, name, region, timezone FROM borrower WHERE borrower_id = ?", borrowerId);
        if (borrower.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> profile = new LinkedHashMap<>(borrower.get(0));
        List<Map<String, Object>> loans = rows("""
            SELECT loan_no, product, status, principal, dpd, bucket, overdue_amount, last_scan_on
              FROM loan WHERE borrower_id = ? ORDER BY loan_no""", borrowerId);
        for (Map<String, Object> loan : loans) {
            loan.put("bucketHistory", rows("""
                SELECT as_of, from_bucket, to_bucket, dpd, overdue_amount FROM bucket_history
                 WHERE loan_no = ? ORDER BY as_of DESC""", loan.get("loanNo")));
        }
        profile.put("loans", loans);
        profile.put("contacts", rows("""
            SELECT occurred_at, loan_no, channel, purpose, result, operator_id, operator_type, summary
              FROM contact_log WHERE borrower_id = ? ORDER BY occurred_at DESC, id DESC""", borrowerId));
        profile.put("contactReports", rows("""
            SELECT r.recorded_at, r.loan_no, r.stage, r.channel, r.reached, r.outcome, r.overdue_reason, r.notes, r.recorded_by
              FROM contact_report r JOIN loan l ON l.loan_no = r.loan_no
             WHERE l.borrower_id = ? ORDER BY r.recorded_at DESC, r.id DESC""", borrowerId));
        profile.put("promises", rows("""
            SELECT p.id, p.loan_no, p.promised_on, p.promise_date, p.amount, p.kept_amount, p.status, p.channel, p.collector
              FROM promise_to_pay p JOIN loan l ON l.loan_no = p.loan_no
             WHERE l.borrower_id = ? ORDER BY p.promise_date DESC, p.id DESC""", borrowerId));
        List<Map<String, Object>> plans = rows("""
            SELECT p.id, p.loan_no, p.status, p.total_amount, p.installment_count, p.first_due_on, p.max_installment,
                   p.within_policy, p.policy_note, p.confirmation_mode, p.confirmed_at, p.collector, p.created_at
              FROM repayment_plan p JOIN loan l ON l.loan_no = p.loan_no
             WHERE l.borrower_id = ? ORDER BY p.created_at DESC, p.id DESC""", borrowerId);
        for (Map<String, Object> plan : plans) {
            plan.put("installments", rows(
                "SELECT seq, due_on, amount, paid_amount, status FROM plan_installment WHERE plan_id = ? ORDER BY seq",
                plan.get("id")));
        }
        profile.put("plans", plans);
        profile.put("complaints", rows("""
            SELECT complaint_no, channel, received_at, category, status, decision, linked_loan_no, complaint_text
              FROM complaint WHERE borrower_id = ? ORDER BY received_at DESC""", borrowerId));
        profile.put("riskHistory", rows("""
            SELECT scored_at, loan_no, trigger_event, score, grade, overdue_reason, malicious
              FROM risk_score_history WHERE borrower_id = ? ORDER BY scored_at DESC, id DESC""", borrowerId));
        return Optional.of(profile);
    }

    /** Rows as maps with camelCase keys (loan_no → loanNo) and java.time values, whatever the database's case. */
    private List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.query(sql, (ResultSet rs, int i) -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                row.put(camel(meta.getColumnLabel(c)), value(rs.getObject(c)));
            }
            return row;
        }, args);
    }

    private static Object value(Object v) throws SQLException {
        if (v instanceof Timestamp t) {
            return t.toInstant();
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        return v;
    }

    static String camel(String label) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : label.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
