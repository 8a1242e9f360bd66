package io.collectflow.loan.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.collectflow.loan.LoanRules;
import io.collectflow.loan.NewBorrower;
import io.collectflow.loan.NewLoan;
import io.collectflow.loan.Product;
import io.collectflow.loan.RegionTimezones;
import io.collectflow.loan.csv.CsvTable;
import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.csv.RowParser;

/**
 * Turns the loan-book CSV (CONTRACT.md) into {@link NewLoan}s, collecting every row error: field
 * formats, the {@link LoanRules}, {@code loan_no} repeated in the file and a {@code borrower_id}
 * given with different data on different rows. Whether a loan already exists is checked by the
 * caller (it needs the database).
 */
public final class LoanCsvParser {

    public static final List<String> REQUIRED_COLUMNS = List.of("loan_no", "borrower_id", "borrower_name",
        "id_number", "phone", "email", "address", "region", "product", "principal", "annual_rate", "penalty_rate",
        "term_months", "disbursed_on", "first_due_on");
    public static final String TIMEZONE = "timezone";

    private static final List<String> BORROWER_COLUMNS = List.of("borrower_name", "id_number", "phone", "email",
        "address", "region", TIMEZONE);

    /** A parsed row: its number in the file and the loan. */
    public record ParsedLoan(int row, NewLoan loan) {
    }

    private LoanCsvParser() {
    }

    public static List<ParsedLoan> parse(CsvTable table, List<RowError> errors) {
        List<ParsedLoan> loans = new ArrayList<>(table.size());
        Map<String, Integer> firstRowOfLoan = new HashMap<>();
        Map<String, Integer> firstRowOfBorrower = new HashMap<>();
        for (int row = 1; row <= table.size(); row++) {
            RowParser p = new RowParser(table, row, errors);
            int errorsBefore = errors.size();
            NewLoan loan = parseRow(table, p);
            checkRepeatedLoan(table, p, firstRowOfLoan);
            checkBorrowerConsistency(table, p, firstRowOfBorrower);
            if (loan != null && errors.size() == errorsBefore) {
                loans.add(new ParsedLoan(row, loan));
            }
        }
        return loans;
    }

    private static NewLoan parseRow(CsvTable table, RowParser p) {
        String loanNo = p.required("loan_no", 64);
        String borrowerId = p.required("borrower_id", 64);
        String name = p.required("borrower_name", 200);
        String idNumber = p.required("id_number", 200);
        String phone = p.required("phone", 200);
        String email = p.optional("email", 320);
        String address = p.optional("address", 1000);
        String region = p.required("region", 16);
        String productCode = p.required("product", 32);
        Product product = null;
        if (productCode != null) {
            product = Product.fromCode(productCode).orElse(null);
            if (product == null) {
                p.error("product", "unknown product '" + productCode + "' (expected consumer or small_business)");
            }
        }
        BigDecimal principal = p.decimal("principal", 2);
        BigDecimal annualRate = p.decimal("annual_rate", 8);
        BigDecimal penaltyRate = p.decimal("penalty_rate", 8);
        Integer term = p.integer("term_months");
        LocalDate disbursedOn = p.date("disbursed_on");
        LocalDate firstDueOn = p.date("first_due_on");
        String timezone = effectiveTimezone(table, p.row());
        if (region == null || product == null || principal == null || annualRate == null || penaltyRate == null
                || term == null || disbursedOn == null || firstDueOn == null || loanNo == null || borrowerId == null
                || name == null || idNumber == null || phone == null) {
            return null;
        }
        NewBorrower borrower = new NewBorrower(borrowerId, name, idNumber, phone, email, address, region, timezone);
        NewLoan loan = new NewLoan(loanNo, borrower, product, principal, annualRate, penaltyRate, term, disbursedOn,
            firstDueOn);
        LoanRules.check(loan, p::error);
        return loan;
    }

    /** The timezone column if given, else the region's default (null when there is none). */
    private static String effectiveTimezone(CsvTable table, int row) {
        String given = table.value(row, TIMEZONE);
        if (!given.isEmpty()) {
            return given;
        }
        return RegionTimezones.zoneFor(table.value(row, "region")).map(ZoneId::getId).orElse(null);
    }

    private static void checkRepeatedLoan(CsvTable table, RowParser p, Map<String, Integer> firstRowOfLoan) {
        String loanNo = table.value(p.row(), "loan_no");
        if (loanNo.isEmpty()) {
            return;
        }
        Integer first = firstRowOfLoan.putIfAbsent(loanNo, p.row());
        if (first != null) {
            p.error("loan_no", "loan " + loanNo + " appears more than once in the file (first on row " + first + ")");
        }
    }

    private static void checkBorrowerConsistency(CsvTable table, RowParser p, Map<String, Integer> firstRowOfBorrower) {
        String borrowerId = table.value(p.row(), "borrower_id");
        if (borrowerId.isEmpty()) {
            return;
        }
        Integer first = firstRowOfBorrower.putIfAbsent(borrowerId, p.row());
        if (first == null) {
            return;
        }
        for (String column : BORROWER_COLUMNS) {
            String here = TIMEZONE.equals(column) ? effectiveTimezone(table, p.row()) : table.value(p.row(), column);
            String there = TIMEZONE.equals(column) ? effectiveTimezone(table, first) : table.value(first, column);
            if (!Objects.equals(here, there)) {
                p.error(column, "borrower " + borrowerId + " has a different " + column + " on row " + first);
                return;
            }
        }
    }
}
