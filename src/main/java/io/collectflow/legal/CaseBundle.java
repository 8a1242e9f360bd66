package io.collectflow.legal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a write-off dossier and a lawyer letter show: loan data, schedule, payments and contact history. */
public record CaseBundle(String loanNo, String borrowerId, String borrowerName, String address, String product,
        BigDecimal principal, LocalDate disbursedOn, int dpd, BigDecimal overdueAmount, BigDecimal outstanding,
        List<String> schedule, List<String> payments, List<String> contacts) {

    /** Plain text for the write-off dossier. */
    public String asText() {
        StringBuilder text = new StringBuilder();
        text.append("Loan ").append(loanNo).append(" (").append(product).append("), borrower ").append(borrowerName)
            .append('\n').append("Principal ").append(principal).append(" disbursed ").append(disbursedOn)
            .append("; ").append(dpd).append(" days past due; overdue ").append(overdueAmount)
            .append("; outstanding ").append(outstanding).append('\n');
        section(text, "Schedule", schedule);
        section(text, "Payments", payments);
        section(text, "Contact history", contacts);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append(title).append(":\n");
        if (lines.isEmpty()) {
            text.append("  none\n");
        }
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
}
