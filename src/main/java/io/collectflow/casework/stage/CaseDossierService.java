package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.loan.borrower.ContactDataRules;
import io.collectflow.security.pii.BorrowerPii;
import org.springframework.stereotype.Service;

/**
 * Pre-contact preparation (B1): checks the borrower's contact data and assembles the dossier a
 * collector needs on the call, straight from the loan book.
 */
@Service
public class CaseDossierService {

    private static final int LAST_CONTACTS = 5;

    private final JdbcTemplate jdbc;
    private final CaseEventService events;
    private final BorrowerPii pii;

    public CaseDossierService(JdbcTemplate jdbc, CaseEventService events, BorrowerPii pii) {
        this.jdbc = jdbc;
        this.events = events;
        this.pii = pii;
    }

    /**
     * The borrower's contact data with what is wrong with it; a problem is recorded as a case event. The
     * result holds the decrypted values: callers keep it in memory only (never in process variables, F6).
     */
    public ContactData verifyContactData(String loanNo, Instant now) {
        ContactData data = contactData(loanNo);
        List<String> issues = new ArrayList<>();
        if (!ContactDataRules.isPhone(data.phone())) {
            issues.add("phone missing or malformed");
        }
        if (data.email() != null && !data.email().isBlank() && !ContactDataRules.isEmail(data.email())) {
            issues.add("e-mail malformed");
        }
        if (data.address() == null || data.address().isBlank()) {
            issues.add("no address on file");
        }
        if (!issues.isEmpty()) {
            events.record(loanNo, CaseEventService.CONTACT_DATA_INVALID, String.join("; ", issues), now);
        }
        return new ContactData(data.borrowerName(), data.phone(), data.email(), data.address(), data.product(),
            issues.isEmpty(), String.join("; ", issues));
    }

    /**
     * The real phone, e-mail and address of the loan's borrower, decrypted from the loan book: the one way
     * for code that needs them (process variables only hold masked values).
     */
    public ContactData contactData(String loanNo) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
            SELECT b.name, b.phone, b.email, b.address, l.product
              FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id
             WHERE l.loan_no = ?""", loanNo);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("loan " + loanNo + " not found");
        }
        Map<String, Object> row = rows.get(0);
        // contact data is encrypted at rest (F6)
        return new ContactData((String) row.get("name"), pii.open(BorrowerPii.PHONE, (String) row.get("phone")),
            pii.open(BorrowerPii.EMAIL, (String) row.get("email")), pii.open(BorrowerPii.ADDRESS, (String) row.get("address")),
            (String) row.get("product"), true, "");
    }

    /** Overdue components, payoff amount, repayment history and a first guess of the overdue reason. */
    public Dossier assemble(String loanNo, LocalDate asOf) {
        Map<String, Object> sums = jdbc.queryForMap("""
            SELECT COALESCE(SUM(CASE WHEN due_on < ? THEN principal_due - principal_paid ELSE 0 END), 0) AS overdue_principal,
                   COALESCE(SUM(CASE WHEN due_on < ? THEN interest_due - interest_paid ELSE 0 END), 0) AS overdue_interest,
                   -- spread over the installments plus accrued on the loan and not yet spread
                   COALESCE(SUM(penalty_due - penalty_paid), 0) + COALESCE((SELECT l.penalty_pending FROM loan l WHERE l.loan_no = ?), 0) AS penalty,
                   COALESCE(SUM(principal_due - principal_paid), 0) AS outstanding_principal,
                   COUNT(CASE WHEN due_on < ? AND principal_paid + interest_paid < principal_due + interest_due THEN 1 END) AS overdue_installments
              FROM installment WHERE loan_no = ?""", Date.valueOf(asOf), Date.valueOf(asOf), loanNo, Date.valueOf(asOf), loanNo);
        BigDecimal overduePrincipal = money(sums.get("overdue_principal"));
        BigDecimal overdueInterest = money(sums.get("overdue_interest"));
        BigDecimal penalty = money(sums.get("penalty"));
        BigDecimal payoff = money(sums.get("outstanding_principal")).add(overdueInterest).add(penalty);
        int overdueInstallments = ((Number) sums.get("overdue_installments")).intValue();

        Map<String, Object> paid = jdbc.queryForMap("""
            SELECT COUNT(*) AS payments, COALESCE(SUM(amount), 0) AS total, MAX(paid_on) AS last_paid_on
              FROM payment WHERE loan_no = ? AND paid_on <= ?""", loanNo, Date.valueOf(asOf));
        int payments = ((Number) paid.get("payments")).intValue();
        LocalDate lastPaidOn = paid.get("last_paid_on") == null ? null : ((Date) paid.get("last_paid_on")).toLocalDate();
        String history = payments == 0
            ? "No payment received yet; " + overdueInstallments + " installment(s) overdue."
            : payments + " payment(s), " + money(paid.get("total")).toPlainString() + " in total, last on " + lastPaidOn
                + "; " + overdueInstallments + " installment(s) overdue.";
        return new Dossier(overduePrincipal, overdueInterest, penalty, payoff, history,
            guessReason(payments, lastPaidOn, overdueInstallments, asOf), lastContacts(loanNo));
    }

    /**
     * E1 first guess, refined by the collector on the call: one missed installment of an otherwise
     * paying borrower looks like forgetting, several recent misses after payments like a cash-flow
     * problem; without any history the reason needs the deep interview (OTHER).
     */
    static String guessReason(int payments, LocalDate lastPaidOn, int overdueInstallments, LocalDate asOf) {
        if (payments == 0 || lastPaidOn == null) {
            return "OTHER";
        }
        if (overdueInstallments <= 1) {
            return "FORGOT";
        }
        return lastPaidOn.isAfter(asOf.minusDays(90)) ? "CASH_FLOW" : "OTHER";
    }

    /** The latest contact reports, newest first, one line each. */
    public String lastContacts(String loanNo) {
        List<String> lines = jdbc.query("""
            SELECT recorded_at, channel, outcome, notes FROM contact_report
             WHERE loan_no = ? ORDER BY recorded_at DESC, id DESC""",
            (rs, i) -> rs.getTimestamp("recorded_at").toLocalDateTime().withNano(0) + " " + rs.getString("channel") + " "
                + rs.getString("outcome") + (rs.getString("notes") == null ? "" : ": " + rs.getString("notes")),
            loanNo);
        if (lines.isEmpty()) {
            return "No contact recorded yet.";
        }
        return String.join("\n", lines.subList(0, Math.min(LAST_CONTACTS, lines.size())));
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** The borrower's contact data (decrypted; never to be stored in process variables) and what is wrong with it. */
    public record ContactData(String borrowerName, String phone, String email, String address, String product,
            boolean valid, String issues) {
    }

    /** What the collector sees on the call form. */
    public record Dossier(BigDecimal overduePrincipal, BigDecimal overdueInterest, BigDecimal overduePenalty,
            BigDecimal payoffAmount, String repaymentHistory, String reasonGuess, String lastContacts) {
    }
}
