package io.collectflow.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code collection_case} table: one row per case, at most one ACTIVE row per loan
 * ({@code active_loan_no} is UNIQUE and cleared when the case ends). The pending work of the case
 * lifecycle is derived from loan state versus case state, never from what a scan happened to change,
 * so work left over by a crash is found again by the next run.
 */
@Repository
public class CaseRegistry {

    static final String ACTIVE = "ACTIVE";
    static final String CURED = "CURED";
    static final String CLOSED = "CLOSED";

    private static final String WORK_COLUMNS = "l.loan_no, l.dpd, l.bucket, l.overdue_amount, c.id, c.process_instance_id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Delinquent active loans without an active case (none for a borrower reported deceased: C6). */
    List<CaseWork> loansNeedingCase() {
        return jdbc.query("""
            SELECT l.loan_no, l.dpd, l.bucket, l.overdue_amount, CAST(NULL AS BIGINT) AS id,
                   CAST(NULL AS VARCHAR(64)) AS process_instance_id
              FROM loan l
             WHERE l.dpd > 0 AND l.status = 'ACTIVE'
               AND NOT EXISTS (SELECT 1 FROM collection_case c WHERE c.active_loan_no = l.loan_no)
               AND NOT EXISTS (SELECT 1 FROM borrower_flag f WHERE f.borrower_id = l.borrower_id AND f.flag = 'DECEASED')
             ORDER BY l.loan_no""", CaseRegistry::work);
    }

    /** Active cases of delinquent loans whose bucket differs from the one the case was last told. */
    List<CaseWork> casesWithNewBucket() {
        return jdbc.query("SELECT " + WORK_COLUMNS + """
             FROM collection_case c JOIN loan l ON l.loan_no = c.active_loan_no
            WHERE l.dpd > 0 AND (c.notified_bucket IS NULL OR c.notified_bucket <> l.bucket)
            ORDER BY l.loan_no""", CaseRegistry::work);
    }

    /** Active cases of loans that are no longer past due. */
    List<CaseWork> casesToCure() {
        return jdbc.query("SELECT " + WORK_COLUMNS + """
             FROM collection_case c JOIN loan l ON l.loan_no = c.active_loan_no
            WHERE l.dpd = 0
            ORDER BY l.loan_no""", CaseRegistry::work);
    }

    /** Registers new active cases (one JDBC batch); fails on the unique key if a loan already has one. */
    void insertActive(List<CaseWork> loans, LocalDate openedOn) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
            INSERT INTO collection_case (loan_no, status, active_loan_no, opened_on, opened_at, notified_bucket)
            VALUES (?, 'ACTIVE', ?, ?, ?, ?)""", loans, loans.size(), (ps, work) -> {
                ps.setString(1, work.loanNo());
                ps.setString(2, work.loanNo());
                ps.setObject(3, openedOn);
                ps.setTimestamp(4, now);
                ps.setString(5, work.bucket());
            });
    }

    /** Records each active case's process instance (loan number → instance id), one JDBC batch. */
    void attachProcessInstances(Map<String, String> instanceByLoan) {
        jdbc.batchUpdate("UPDATE collection_case SET process_instance_id = ? WHERE active_loan_no = ?",
            List.copyOf(instanceByLoan.entrySet()), instanceByLoan.size(), (ps, e) -> {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
            });
    }

    void markNotified(long caseId, String bucket) {
        jdbc.update("UPDATE collection_case SET notified_bucket = ? WHERE id = ?", bucket, caseId);
    }

    /** Ends an active case as cured; true if it was still active. */
    boolean cure(long caseId, LocalDate on) {
        return end(caseId, CURED, on);
    }

    /** Ends an active case as closed (its process ended some other way); true if it was still active. */
    boolean close(long caseId, LocalDate on) {
        return end(caseId, CLOSED, on);
    }

    /** Closes the active case run by this process instance, if any (the process ended). */
    public boolean closeByProcessInstance(String processInstanceId, LocalDate on) {
        return jdbc.update("""
            UPDATE collection_case SET status = 'CLOSED', active_loan_no = NULL, closed_on = ?
             WHERE process_instance_id = ? AND status = 'ACTIVE'""", on, processInstanceId) > 0;
    }

    /** Ends the active case run by this process instance as CLOSED with the given outcome; true if it was active. */
    public boolean closeWithOutcome(String processInstanceId, String outcome, LocalDate on) {
        return jdbc.update("""
            UPDATE collection_case SET status = 'CLOSED', outcome = ?, active_loan_no = NULL, closed_on = ?
             WHERE process_instance_id = ? AND status = 'ACTIVE'""", outcome, on, processInstanceId) > 0;
    }

    /** Records how the case run by this process instance ended, unless an outcome is already recorded. */
    public void recordOutcome(String processInstanceId, String outcome) {
        jdbc.update("UPDATE collection_case SET outcome = ? WHERE process_instance_id = ? AND outcome IS NULL",
            outcome, processInstanceId);
    }

    /** Process instances of the active cases of every loan of the borrower of {@code loanNo}. */
    List<String> activeCaseInstancesOfBorrowerOf(String loanNo) {
        return List.copyOf(activeCasesOfBorrowerWhere("(SELECT borrower_id FROM loan WHERE loan_no = ?)", loanNo).values());
    }

    /** Loan number → process instance of every active case of the borrower's loans, by loan number. */
    public Map<String, String> activeCasesOfBorrower(String borrowerId) {
        return activeCasesOfBorrowerWhere("?", borrowerId);
    }

    /** The active cases of the loans whose borrower is {@code borrower} (an SQL expression with one parameter). */
    private Map<String, String> activeCasesOfBorrowerWhere(String borrower, String argument) {
        Map<String, String> cases = new LinkedHashMap<>();
        jdbc.query("SELECT c.loan_no, c.process_instance_id FROM collection_case c JOIN loan l ON l.loan_no = c.active_loan_no"
            + " WHERE c.process_instance_id IS NOT NULL AND l.borrower_id = " + borrower + " ORDER BY c.loan_no", rs -> {
                cases.put(rs.getString(1), rs.getString(2));
            }, argument);
        return cases;
    }

    /** The process instance of the loan's active case, if any. */
    List<String> activeCaseInstanceOf(String loanNo) {
        return jdbc.queryForList("""
            SELECT process_instance_id FROM collection_case
             WHERE active_loan_no = ? AND process_instance_id IS NOT NULL""", String.class, loanNo);
    }

    private boolean end(long caseId, String status, LocalDate on) {
        return jdbc.update("""
            UPDATE collection_case SET status = ?, active_loan_no = NULL, closed_on = ?
             WHERE id = ? AND status = 'ACTIVE'""", status, on, caseId) > 0;
    }

    private static CaseWork work(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Long caseId = rs.wasNull() ? null : id;
        return new CaseWork(rs.getString("loan_no"), rs.getInt("dpd"), rs.getString("bucket"),
            rs.getBigDecimal("overdue_amount"), caseId, rs.getString("process_instance_id"));
    }
}
