package io.collectflow.complaint;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.collectflow.contact.ContactTestData;

/** Loans for the complaint tests (a borrower in Shanghai with one overdue loan). */
public final class ComplaintTestData {

    private ComplaintTestData() {
    }

    public static String loan(JdbcClient jdbc, String loanNo) {
        if (jdbc.sql("SELECT COUNT(*) FROM loan WHERE loan_no = :l").param("l", loanNo).query(Integer.class).single() == 0) {
            ContactTestData.overdueLoan(jdbc, loanNo, "CN-SH", "Asia/Shanghai", loanNo.toLowerCase() + "@example.com");
        }
        return ContactTestData.borrowerOf(loanNo);
    }

    public static ComplaintSubmission online(String loanNo, String text) {
        return new ComplaintSubmission(IntakeChannel.ONLINE, "Li Wei", "+86 138 0013 8000", "li.wei@example.com", loanNo,
            null, text, null);
    }
}
