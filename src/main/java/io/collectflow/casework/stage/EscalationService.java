package io.collectflow.casework.stage;

import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.collectflow.loan.LenderProperties;

/**
 * Flags and escalation material (B4, C1, A5): a refusing or evasive borrower is flagged with a
 * summary of the collection effort so far; at 90+ DPD the case is flagged and its hand-over
 * summary prepared; a cure is recorded.
 */
@Service
public class EscalationService {

    private final JdbcTemplate jdbc;
    private final CaseEventService events;
    private final CaseDossierService dossiers;
    private final LenderProperties lender;

    public EscalationService(JdbcTemplate jdbc, CaseEventService events, CaseDossierService dossiers,
            LenderProperties lender) {
        this.jdbc = jdbc;
        this.events = events;
        this.dossiers = dossiers;
        this.lender = lender;
    }

    /** Flags the borrower (REFUSED or EVASIVE) with the escalation material; answers the material. */
    public String flagBorrower(String loanNo, String behaviour, Instant now) {
        String material = effortSummary(loanNo);
        events.record(loanNo, behaviour, material, now);
        return material;
    }

    /**
     * A5: flags the case as 90+ and records what the collection department receives (amounts as of the lender's
     * date).
     */
    public String prepareHandover(String loanNo, int dpd, Instant now) {
        CaseDossierService.Dossier dossier = dossiers.assemble(loanNo, lender.dateAt(now));
        String summary = "DPD " + dpd + "; overdue principal " + dossier.overduePrincipal() + ", interest "
            + dossier.overdueInterest() + ", penalty " + dossier.overduePenalty() + "; payoff " + dossier.payoffAmount()
            + ". " + dossier.repaymentHistory() + "\n" + effortSummary(loanNo);
        events.record(loanNo, CaseEventService.HANDOVER_90, summary, now);
        return summary;
    }

    public void recordCure(String loanNo, Instant now) {
        events.record(loanNo, CaseEventService.CURED, "arrears cleared", now);
    }

    String effortSummary(String loanNo) {
        Map<String, Object> contacts = jdbc.queryForMap("""
            SELECT COUNT(*) AS total,
                   COUNT(CASE WHEN reached THEN 1 END) AS reached,
                   COUNT(CASE WHEN outcome = 'NO_ANSWER' THEN 1 END) AS unanswered
              FROM contact_report WHERE loan_no = ?""", loanNo);
        Map<String, Object> promises = jdbc.queryForMap("""
            SELECT COUNT(*) AS total, COUNT(CASE WHEN status = 'BROKEN' THEN 1 END) AS broken
              FROM promise_to_pay WHERE loan_no = ?""", loanNo);
        return "Contacts: " + contacts.get("total") + " (reached " + contacts.get("reached") + ", unanswered "
            + contacts.get("unanswered") + "); promises: " + promises.get("total") + " (broken " + promises.get("broken")
            + ").\nLast contacts:\n" + dossiers.lastContacts(loanNo);
    }
}
