package io.collectflow.loan;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.BiConsumer;

/**
 * Business rules a loan must satisfy to be booked, whichever way it arrives (CSV or code). Problems
 * are reported per CSV column name so the import can point at the cell.
 */
public final class LoanRules {

    static final BigDecimal MAX_PRINCIPAL = new BigDecimal("999999999999.99");
    static final BigDecimal MAX_RATE = BigDecimal.TEN;
    static final int MAX_TERM = 600;

    private LoanRules() {
    }

    /** Reports each violated rule as (column, message). */
    public static void check(NewLoan loan, BiConsumer<String, String> problems) {
        if (loan.loanNo() == null || loan.loanNo().isBlank()) {
            problems.accept("loan_no", "is required");
        }
        checkBorrower(loan.borrower(), problems);
        if (loan.product() == null) {
            problems.accept("product", "is required");
        }
        if (loan.principal() != null) {
            if (loan.principal().signum() <= 0) {
                problems.accept("principal", "must be greater than 0");
            } else if (loan.principal().compareTo(MAX_PRINCIPAL) > 0) {
                problems.accept("principal", "must not exceed " + MAX_PRINCIPAL.toPlainString());
            } else if (loan.principal().stripTrailingZeros().scale() > 2) {
                problems.accept("principal", "has more than 2 decimal places");
            }
        } else {
            problems.accept("principal", "is required");
        }
        checkRate("annual_rate", loan.annualRate(), problems);
        checkRate("penalty_rate", loan.penaltyRate(), problems);
        if (loan.termMonths() <= 0) {
            problems.accept("term_months", "must be greater than 0");
        } else if (loan.termMonths() > MAX_TERM) {
            problems.accept("term_months", "must not exceed " + MAX_TERM);
        }
        if (loan.disbursedOn() == null) {
            problems.accept("disbursed_on", "is required");
        }
        if (loan.firstDueOn() == null) {
            problems.accept("first_due_on", "is required");
        } else if (loan.disbursedOn() != null && !loan.firstDueOn().isAfter(loan.disbursedOn())) {
            problems.accept("first_due_on", "must be after disbursed_on");
        }
    }

    private static void checkBorrower(NewBorrower borrower, BiConsumer<String, String> problems) {
        if (borrower == null) {
            problems.accept("borrower_id", "is required");
            return;
        }
        requireText("borrower_id", borrower.borrowerId(), problems);
        requireText("borrower_name", borrower.name(), problems);
        requireText("id_number", borrower.idNumber(), problems);
        requireText("phone", borrower.phone(), problems);
        if (borrower.region() == null || !RegionTimezones.REGION.matcher(borrower.region()).matches()) {
            problems.accept("region", "'" + borrower.region() + "' is not an ISO 3166-2 code such as CN-SH");
        }
        if (borrower.timezone() == null) {
            problems.accept("region", "no default time zone is known for region '" + borrower.region()
                + "'; give one in the timezone column (IANA id such as Asia/Shanghai)");
        } else if (!isZone(borrower.timezone())) {
            problems.accept("timezone", "'" + borrower.timezone() + "' is not an IANA time zone id such as Asia/Shanghai");
        }
    }

    static boolean isZone(String id) {
        try {
            return id.contains("/") && ZoneId.of(id) != null || "UTC".equals(id);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void checkRate(String column, BigDecimal rate, BiConsumer<String, String> problems) {
        if (rate == null) {
            problems.accept(column, "is required");
        } else if (rate.signum() < 0) {
            problems.accept(column, "must not be negative");
        } else if (rate.compareTo(MAX_RATE) > 0) {
            problems.accept(column, "must be a yearly fraction (0.12 = 12 %) not above " + MAX_RATE);
        } else if (rate.stripTrailingZeros().scale() > 8) {
            problems.accept(column, "has more than 8 decimal places");
        }
    }

    private static void requireText(String column, String value, BiConsumer<String, String> problems) {
        if (value == null || value.isBlank()) {
            problems.accept(column, "is required");
        }
    }
}
