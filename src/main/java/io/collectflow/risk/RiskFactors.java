package io.collectflow.risk;

import java.math.BigDecimal;

/**
 * What the scorecard looks at for one loan (E2).
 *
 * @param dpd                days past due as of the last scan
 * @param overdueAmount      overdue amount as of the last scan
 * @param pastDelinquencies  times the borrower's loans went from CURRENT into a bucket (bucket_history)
 * @param cures              times they came back to CURRENT
 * @param debtToIncome       declared other monthly debts / declared monthly income; null when not declared
 * @param contactAttempts    contacts attempted (contact reports and logged contacts)
 * @param invalidContacts    attempts that showed the contact data wrong or unreachable
 * @param answeredContacts   contact reports where the borrower was reached
 * @param reportedContacts   contact reports (calls, visits) of collectors
 */
public record RiskFactors(int dpd, BigDecimal overdueAmount, int pastDelinquencies, int cures, BigDecimal debtToIncome,
        int contactAttempts, int invalidContacts, int answeredContacts, int reportedContacts) {
}
