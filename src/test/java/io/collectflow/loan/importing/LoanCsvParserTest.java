package io.collectflow.loan.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.Product;
import io.collectflow.loan.csv.CsvTable;
import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.importing.LoanCsvParser.ParsedLoan;

class LoanCsvParserTest {

    static final String HEADER = "loan_no,borrower_id,borrower_name,id_number,phone,email,address,region,product,"
        + "principal,annual_rate,penalty_rate,term_months,disbursed_on,first_due_on,timezone\n";

    static String row(String loanNo, String borrowerId) {
        return loanNo + "," + borrowerId + ",Li Lei,310101199001011234,+86 139 1234 5678,li@example.cn,"
            + "\"Room 1, Building 2\",CN-SH,consumer,12000.00,0.12,0.18,12,2026-01-15,2026-02-15,\n";
    }

    private final List<RowError> errors = new ArrayList<>();

    private List<ParsedLoan> parse(String csv) {
        CsvTable table = CsvTable.read(new StringReader(csv), LoanCsvParser.REQUIRED_COLUMNS);
        if (!table.headerErrors().isEmpty()) {
            errors.addAll(table.headerErrors());
            return List.of();
        }
        return LoanCsvParser.parse(table, errors);
    }

    /** Replaces one cell of a valid row. */
    private static String with(String loanNo, int column, String value) {
        String[] cells = row(loanNo, "B-" + loanNo).replace("\"Room 1, Building 2\"", "Room 1").strip().split(",", -1);
        cells[column] = value;
        return String.join(",", cells) + "\n";
    }

    @Test
    void validRowsBecomeLoansWithTheRegionsTimeZone() {
        List<ParsedLoan> loans = parse(HEADER + row("L1", "B1") + row("L2", "B1"));

        assertThat(errors).isEmpty();
        assertThat(loans).extracting(ParsedLoan::row).containsExactly(1, 2);
        assertThat(loans.get(0).loan().borrower().timezone()).isEqualTo("Asia/Shanghai");
        assertThat(loans.get(0).loan().borrower().address()).isEqualTo("Room 1, Building 2");
        assertThat(loans.get(0).loan().product()).isEqualTo(Product.CONSUMER);
    }

    @Test
    void anUnquotedCommaInTheLastColumnIsAnErrorNotATruncatedValue() {
        // address last: "Room 1, Building 2" without quotes would be read as "Room 1" plus one value too many
        String header = "loan_no,borrower_id,borrower_name,id_number,phone,email,region,product,principal,annual_rate,"
            + "penalty_rate,term_months,disbursed_on,first_due_on,address\n";
        String row = "L1,B1,Li Lei,310101199001011234,+86 139 1234 5678,li@example.cn,CN-SH,consumer,12000.00,0.12,0.18,"
            + "12,2026-01-15,2026-02-15,";

        List<ParsedLoan> trailingComma = parse(header + row + "\"Room 1, Building 2\",\n");
        assertThat(errors).as("a blank value after the last column is harmless").isEmpty();
        assertThat(trailingComma).hasSize(1);

        parse(header + row + "Room 1, Building 2\n");
        assertThat(errors).extracting(RowError::row, RowError::column).containsExactly(tuple(1, ""));
        assertThat(errors.get(0).message()).contains("1 value beyond the header's 15 columns", "double quotes");
    }

    @Test
    void reportsEveryErrorClassWithRowAndColumn() {
        String csv = HEADER
            + with("E1", 2, "")              // 1: blank required field
            + with("E2", 9, "12k")           // 2: bad number
            + with("E3", 13, "2026-02-30")   // 3: bad date
            + with("E4", 9, "100.005")       // 4: more than 2 decimal places
            + with("E5", 9, "0")             // 5: non-positive principal
            + with("E6", 12, "0")            // 6: non-positive term
            + with("E7", 10, "-0.01")        // 7: negative rate
            + with("E8", 8, "mortgage")      // 8: unknown product
            + with("E9", 15, "Mars/Olympus") // 9: bad time zone
            + with("E10", 7, "XX-YY")        // 10: region without a default zone, no timezone column value
            + with("E1", 1, "B-E11")         // 11: loan_no repeated in the file
            + with("E12", 1, "B-E13")        // 12: borrower B-E13 …
            + with("E13", 3, "999");         // 13: … given again with another id_number

        List<ParsedLoan> loans = parse(csv);

        assertThat(errors).extracting(RowError::row, RowError::column).contains(
            tuple(1, "borrower_name"), tuple(2, "principal"), tuple(3, "disbursed_on"), tuple(4, "principal"),
            tuple(5, "principal"), tuple(6, "term_months"), tuple(7, "annual_rate"), tuple(8, "product"),
            tuple(9, "timezone"), tuple(10, "region"), tuple(11, "loan_no"), tuple(13, "id_number"));
        assertThat(errors).filteredOn(e -> e.row() == 11).extracting(RowError::message)
            .anyMatch(m -> m.contains("first on row 1"));
        assertThat(loans).extracting(ParsedLoan::row).containsExactly(12);
    }

    @Test
    void firstDueDateMustFollowDisbursement() {
        parse(HEADER + with("L1", 14, "2026-01-15"));
        assertThat(errors).extracting(RowError::row, RowError::column).containsExactly(tuple(1, "first_due_on"));
    }

    @Test
    void missingHeaderColumnIsReportedOnRowZero() {
        parse(HEADER.replace("principal,", "") + row("L1", "B1"));
        assertThat(errors).extracting(RowError::row, RowError::column).containsExactly(tuple(0, "principal"));
    }

    @Test
    void extraColumnsAndAnyColumnOrderAreAccepted() {
        String csv = "note,first_due_on,disbursed_on,term_months,penalty_rate,annual_rate,principal,product,region,"
            + "address,email,phone,id_number,borrower_name,borrower_id,loan_no\n"
            + "ignored,2026-02-28,2026-01-28,6,0.2,0.1,600.00,small_business,CN-GD,,,13800000000,X1,Wang,B9,L9\n";
        List<ParsedLoan> loans = parse(csv);
        assertThat(errors).isEmpty();
        assertThat(loans.get(0).loan().product()).isEqualTo(Product.SMALL_BUSINESS);
        assertThat(loans.get(0).loan().borrower().email()).isNull();
        assertThat(loans.get(0).loan().termMonths()).isEqualTo(6);
    }
}
