package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small portfolio written straight into the loan-book, case and contact tables; every KPI test
 * works its expected figures out by hand from this page. Day of reference: 2026-03-31.
 *
 * <pre>
 * loan  product         region  principal  installments (P + I, due)                    payments (allocations)
 * A     consumer        CN-SH   1000       1: 100+10 01-01, 2: 02-01, 3: 03-01          #1 paid 01-20, #2 02-01, #3 03-10 (all in full)
 * B     consumer        CN-SH   2000       1: 200+20 01-01, 2: 02-01, 3: 03-01          none
 * C     small_business  CN-GD   5000       1: 500+50 2025-10-01, 2: 11-01, 3: 12-01     interest 50 of #1 on 2026-01-15,
 *                                           4: 2026-01-01                              principal 500 of #1 on 2026-04-10 (after 03-31)
 * D     small_business  CN-SH   3000       1: 300+30 03-01                              03-05: principal 300 + interest 29.99 (0.01 short)
 * E     consumer        CN-GD    500       1: 500+5 01-01                               paid in full 01-01 (paid off)
 * F     consumer        CN-SH    800       1: 80+8 05-05 (disbursed 2026-04-05)         none
 *
 * cases: A1 01-02..01-20 CURED, A2 03-02..03-10 CURED, B 01-02 ACTIVE, C 2025-10-02 ACTIVE, D 03-02 ACTIVE;
 *   strategy variant B for A's and D's cases, A for B's and C's
 * contacts (March): B call collector1 03-05 NO_ANSWER, 03-06 ANSWERED; A call collector2 03-04 ANSWERED;
 *   sms SYSTEM to B and D 03-03 SENT; D visit agency1 (AGENCY) 03-20 VISITED; one BLOCKED verdict for collector1 03-07
 * risk scores (10:00): A 01-02 LOW, 03-02 MEDIUM; B 01-02 MEDIUM, 03-06 HIGH; C 2025-10-02 HIGH; D 03-02 MEDIUM, 04-02 LOW
 * agency placement: C with beta on 01-15
 * stage stays (case_stage_history): A1 FIRST_LINE 01-02..01-20; A2 FIRST_LINE 03-02..03-10;
 *   B FIRST_LINE 01-02..02-15, SECOND_LINE 02-15..; C FIRST_LINE 2025-10-02..11-01, SECOND_LINE 11-01..01-15,
 *   AGENCY 01-15..; D FIRST_LINE 03-02..
 * </pre>
 */
final class KpiFixture {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private final JdbcClient jdbc;

    private KpiFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the portfolio once per database. */
    static void load(JdbcClient jdbc) {
        if (jdbc.sql("SELECT COUNT(*) FROM loan WHERE loan_no = 'KPI-A'").query(Long.class).single() > 0) {
            return;
        }
        new KpiFixture(jdbc).write();
    }

    private void write() {
        loan("KPI-A", "consumer", "CN-SH", "1000", "2025-12-01");
        installment("KPI-A", 1, "2026-01-01", "100", "10");
        installment("KPI-A", 2, "2026-02-01", "100", "10");
        installment("KPI-A", 3, "2026-03-01", "100", "10");
        pay("KPI-A", "PA-1", 1, "2026-01-20", "100", "10");
        pay("KPI-A", "PA-2", 2, "2026-02-01", "100", "10");
        pay("KPI-A", "PA-3", 3, "2026-03-10", "100", "10");

        loan("KPI-B", "consumer", "CN-SH", "2000", "2025-12-01");
        installment("KPI-B", 1, "2026-01-01", "200", "20");
        installment("KPI-B", 2, "2026-02-01", "200", "20");
        installment("KPI-B", 3, "2026-03-01", "200", "20");

        loan("KPI-C", "small_business", "CN-GD", "5000", "2025-09-01");
        installment("KPI-C", 1, "2025-10-01", "500", "50");
        installment("KPI-C", 2, "2025-11-01", "500", "50");
        installment("KPI-C", 3, "2025-12-01", "500", "50");
        installment("KPI-C", 4, "2026-01-01", "500", "50");
        pay("KPI-C", "PC-1", 1, "2026-01-15", "0", "50");
        pay("KPI-C", "PC-2", 1, "2026-04-10", "500", "0");

        loan("KPI-D", "small_business", "CN-SH", "3000", "2026-02-01");
        installment("KPI-D", 1, "2026-03-01", "300", "30");
        pay("KPI-D", "PD-1", 1, "2026-03-05", "300", "29.99");

        loan("KPI-E", "consumer", "CN-GD", "500", "2025-12-01");
        installment("KPI-E", 1, "2026-01-01", "500", "5");
        pay("KPI-E", "PE-1", 1, "2026-01-01", "500", "5");

        loan("KPI-F", "consumer", "CN-SH", "800", "2026-04-05");
        installment("KPI-F", 1, "2026-05-05", "80", "8");

        collectionCase("KPI-A", "CURED", "2026-01-02", "2026-01-20", null);
        collectionCase("KPI-A", "CURED", "2026-03-02", "2026-03-10", null);
        collectionCase("KPI-B", "ACTIVE", "2026-01-02", null, "pi-kpi-b");
        collectionCase("KPI-C", "ACTIVE", "2025-10-02", null, "pi-kpi-c");
        collectionCase("KPI-D", "ACTIVE", "2026-03-02", null, "pi-kpi-d");
        // strategy pilot: variant B on loans A and D, variant A on B and C
        jdbc.sql("UPDATE collection_case SET strategy_variant = CASE WHEN loan_no IN ('KPI-A', 'KPI-D') THEN 'B' ELSE 'A' END")
            .update();
        // the last scan's view of the loans (drill-down reads it)
        jdbc.sql("UPDATE loan SET dpd = 181, bucket = 'DPD_180_359', overdue_amount = 2150.00 WHERE loan_no = 'KPI-C'").update();
        jdbc.sql("UPDATE loan SET dpd = 89, bucket = 'DPD_60_89', overdue_amount = 660.00 WHERE loan_no = 'KPI-B'").update();

        contact("KPI-B", "call", "2026-03-05T10:00", "NO_ANSWER", "collector1", "COLLECTOR");
        contact("KPI-B", "call", "2026-03-06T10:00", "ANSWERED", "collector1", "COLLECTOR");
        contact("KPI-A", "call", "2026-03-04T11:00", "ANSWERED", "collector2", "COLLECTOR");
        contact("KPI-B", "sms", "2026-03-03T09:30", "SENT", "system", "SYSTEM");
        contact("KPI-D", "sms", "2026-03-03T09:30", "SENT", "system", "SYSTEM");
        contact("KPI-D", "visit", "2026-03-20T15:00", "VISITED", "agency1", "AGENCY");
        jdbc.sql("""
                INSERT INTO compliance_verdict (loan_no, borrower_id, channel, operator_id, operator_type, checked_for,
                    borrower_local, region, timezone, verdict, reasons, next_allowed_at, rule_set_version, inputs, recorded_at)
                VALUES ('KPI-B', 'B-KPI-B', 'call', 'collector1', 'COLLECTOR', :at, '2026-03-07T22:00+08:00', 'CN-SH',
                    'Asia/Shanghai', 'BLOCKED', 'OUTSIDE_HOURS', NULL, '2026.1', 'test', :at)
                """).param("at", LocalDateTime.parse("2026-03-07T14:00")).update();

        risk("KPI-C", "2025-10-02T10:00", "HIGH");
        risk("KPI-A", "2026-01-02T10:00", "LOW");
        risk("KPI-B", "2026-01-02T10:00", "MEDIUM");
        risk("KPI-A", "2026-03-02T10:00", "MEDIUM");
        risk("KPI-D", "2026-03-02T10:00", "MEDIUM");
        risk("KPI-B", "2026-03-06T10:00", "HIGH");
        risk("KPI-D", "2026-04-02T10:00", "LOW");
        jdbc.sql("""
                INSERT INTO agency_placement (loan_no, agency_code, selection, scope, fee_percent, placed_amount, placed_at,
                    expires_at, status)
                VALUES ('KPI-C', 'beta', 'CHALLENGER', 'collection', 15.00, 2150.00, :at, :expires, 'ACTIVE')
                """).param("at", LocalDateTime.parse("2026-01-15T11:00"))
            .param("expires", LocalDateTime.parse("2026-07-15T11:00")).update();
        stage("pi-kpi-a1", "KPI-A", "FIRST_LINE", "2026-01-02", "2026-01-20");
        stage("pi-kpi-a2", "KPI-A", "FIRST_LINE", "2026-03-02", "2026-03-10");
        stage("pi-kpi-b", "KPI-B", "FIRST_LINE", "2026-01-02", "2026-02-15");
        stage("pi-kpi-b", "KPI-B", "SECOND_LINE", "2026-02-15", null);
        stage("pi-kpi-c", "KPI-C", "FIRST_LINE", "2025-10-02", "2025-11-01");
        stage("pi-kpi-c", "KPI-C", "SECOND_LINE", "2025-11-01", "2026-01-15");
        stage("pi-kpi-c", "KPI-C", "AGENCY", "2026-01-15", null);
        stage("pi-kpi-d", "KPI-D", "FIRST_LINE", "2026-03-02", null);
    }

    private void risk(String loanNo, String at, String grade) {
        jdbc.sql("""
                INSERT INTO risk_score_history (loan_no, borrower_id, scored_at, trigger_event, score, grade, malicious,
                    dpd_points, amount_points, history_points, indebtedness_points, validity_points, responsiveness_points)
                VALUES (:loanNo, :borrower, :at, 'MANUAL', 0, :grade, FALSE, 0, 0, 0, 0, 0, 0)
                """).param("loanNo", loanNo).param("borrower", "B-" + loanNo).param("at", LocalDateTime.parse(at))
            .param("grade", grade).update();
    }

    private void stage(String processInstanceId, String loanNo, String stage, String entered, String left) {
        jdbc.sql("""
                INSERT INTO case_stage_history (process_instance_id, loan_no, stage, entered_at, entered_on, left_at, left_on)
                VALUES (:pi, :loanNo, :stage, :enteredAt, :entered, :leftAt, :left)
                """).param("pi", processInstanceId).param("loanNo", loanNo).param("stage", stage)
            .param("enteredAt", LocalDate.parse(entered).atTime(9, 0)).param("entered", LocalDate.parse(entered))
            .param("leftAt", left == null ? null : LocalDate.parse(left).atTime(17, 0))
            .param("left", left == null ? null : LocalDate.parse(left)).update();
    }

    private void loan(String loanNo, String product, String region, String principal, String disbursed) {
        String borrower = "B-" + loanNo;
        jdbc.sql("""
                INSERT INTO borrower (borrower_id, name, id_number, phone, email, address, region, timezone, created_at)
                VALUES (:id, :name, '310101199001011234', '+8613800138000', NULL, NULL, :region, 'Asia/Shanghai', :now)
                """).param("id", borrower).param("name", "Borrower " + loanNo).param("region", region)
            .param("now", LocalDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO loan (loan_no, borrower_id, product, principal, annual_rate, penalty_rate, term_months,
                    disbursed_on, first_due_on, status, created_at)
                VALUES (:loanNo, :borrower, :product, :principal, 0.12, 0.18, 12, :disbursed, :disbursed, 'ACTIVE', :now)
                """).param("loanNo", loanNo).param("borrower", borrower).param("product", product)
            .param("principal", new BigDecimal(principal)).param("disbursed", LocalDate.parse(disbursed))
            .param("now", LocalDateTime.now()).update();
    }

    private void installment(String loanNo, int seq, String due, String principal, String interest) {
        jdbc.sql("""
                INSERT INTO installment (loan_no, seq, due_on, principal_due, interest_due)
                VALUES (:loanNo, :seq, :due, :principal, :interest)
                """).param("loanNo", loanNo).param("seq", seq).param("due", LocalDate.parse(due))
            .param("principal", new BigDecimal(principal)).param("interest", new BigDecimal(interest)).update();
    }

    /** A payment allocated to one installment: interest first, then principal. */
    private void pay(String loanNo, String ref, int seq, String paidOn, String principal, String interest) {
        BigDecimal p = new BigDecimal(principal);
        BigDecimal i = new BigDecimal(interest);
        LocalDate day = LocalDate.parse(paidOn);
        jdbc.sql("""
                INSERT INTO payment (payment_ref, loan_no, paid_on, amount, channel, received_at)
                VALUES (:ref, :loanNo, :day, :amount, 'bank', :now)
                """).param("ref", ref).param("loanNo", loanNo).param("day", day).param("amount", p.add(i))
            .param("now", LocalDateTime.now()).update();
        allocate(ref, loanNo, seq, "INTEREST", i, day);
        allocate(ref, loanNo, seq, "PRINCIPAL", p, day);
    }

    private void allocate(String ref, String loanNo, int seq, String component, BigDecimal amount, LocalDate day) {
        if (amount.signum() == 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO payment_allocation (payment_ref, loan_no, seq, component, amount, paid_on)
                VALUES (:ref, :loanNo, :seq, :component, :amount, :day)
                """).param("ref", ref).param("loanNo", loanNo).param("seq", seq).param("component", component)
            .param("amount", amount).param("day", day).update();
    }

    private void collectionCase(String loanNo, String status, String opened, String closed, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO collection_case (loan_no, status, active_loan_no, process_instance_id, opened_on, closed_on, opened_at)
                VALUES (:loanNo, :status, :active, :pi, :opened, :closed, :now)
                """).param("loanNo", loanNo).param("status", status)
            .param("active", "ACTIVE".equals(status) ? loanNo : null).param("pi", processInstanceId)
            .param("opened", LocalDate.parse(opened)).param("closed", closed == null ? null : LocalDate.parse(closed))
            .param("now", LocalDateTime.now()).update();
    }

    private void contact(String loanNo, String channel, String at, String result, String operator, String type) {
        LocalDateTime when = LocalDateTime.parse(at);
        jdbc.sql("""
                INSERT INTO contact_log (occurred_at, loan_no, borrower_id, channel, result, operator_id, operator_type, recorded_at)
                VALUES (:at, :loanNo, :borrower, :channel, :result, :operator, :type, :at)
                """).param("at", when).param("loanNo", loanNo).param("borrower", "B-" + loanNo).param("channel", channel)
            .param("result", result).param("operator", operator).param("type", type).update();
    }
}
