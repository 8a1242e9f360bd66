package io.collectflow.loan.payment;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.collectflow.loan.csv.CsvFormatException;
import io.collectflow.loan.csv.CsvTable;
import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.csv.RowParser;

/**
 * Reads and checks a payment CSV ({@code payment_ref, loan_no, paid_on, amount, channel}) against
 * the file itself and the stored data: formats, {@link PaymentRules}, unknown loans, dates before
 * disbursement, references repeated with different data (in the file or already stored).
 */
final class PaymentCsvParser {

    static final List<String> COLUMNS = List.of("payment_ref", "loan_no", "paid_on", "amount", "channel");
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("paymentRef", "payment_ref", "loanNo",
        "loan_no", "paidOn", "paid_on", "amount", "amount", "channel", "channel");

    /** Checked upload: errors, or the new payments grouped by loan (sorted, so loans are locked in one order). */
    record ParsedPayments(List<RowError> errors, SortedMap<String, List<PaymentCommand>> newPaymentsByLoan,
            int newCount, int duplicates) {
    }

    private record Row(int row, PaymentCommand payment) {
    }

    private PaymentCsvParser() {
    }

    static ParsedPayments parse(Reader csv, PaymentRepository repository) {
        CsvTable table;
        try {
            table = CsvTable.read(csv, COLUMNS);
        } catch (CsvFormatException e) {
            return failed(List.of(new RowError(e.record() - 1, "", e.getMessage())));
        }
        if (!table.headerErrors().isEmpty()) {
            return failed(table.headerErrors());
        }
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= table.size(); r++) {
            RowParser p = new RowParser(table, r, errors);
            int before = errors.size();
            String ref = p.required("payment_ref", PaymentRules.MAX_REF);
            String loanNo = p.required("loan_no", PaymentRules.MAX_LOAN_NO);
            LocalDate paidOn = p.date("paid_on");
            BigDecimal amount = p.decimal("amount", 2);
            String channel = p.required("channel", PaymentRules.MAX_CHANNEL);
            if (errors.size() == before) {
                PaymentCommand command = new PaymentCommand(ref, loanNo, paidOn, amount, channel);
                PaymentRules.check(command).forEach(f -> p.error(COLUMN_OF_FIELD.get(f.field()), f.message()));
                if (errors.size() == before) {
                    rows.add(new Row(r, command));
                }
            }
        }
        Map<String, LocalDate> disbursed = repository.disbursements(rows.stream().map(r -> r.payment().loanNo()).toList());
        Map<String, PaymentCommand> stored = repository.findAll(rows.stream().map(r -> r.payment().paymentRef()).toList());
        Map<String, Row> firstInFile = new HashMap<>();
        SortedMap<String, List<PaymentCommand>> byLoan = new TreeMap<>();
        int newCount = 0;
        int duplicates = 0;
        for (Row row : rows) {
            PaymentCommand p = row.payment();
            LocalDate disbursedOn = disbursed.get(p.loanNo());
            if (disbursedOn == null) {
                errors.add(new RowError(row.row(), "loan_no", "unknown loan " + p.loanNo()));
                continue;
            }
            if (p.paidOn().isBefore(disbursedOn)) {
                errors.add(new RowError(row.row(), "paid_on", "is before the loan was disbursed (" + disbursedOn + ")"));
                continue;
            }
            PaymentCommand previous = stored.get(p.paymentRef());
            Row earlier = firstInFile.putIfAbsent(p.paymentRef(), row);
            if (previous == null && earlier != null) {
                previous = earlier.payment();
            }
            if (previous != null) {
                if (previous.sameAs(p)) {
                    duplicates++;
                } else {
                    String what = earlier != null && !stored.containsKey(p.paymentRef())
                        ? "appears on row " + earlier.row() : "was already posted";
                    errors.add(new RowError(row.row(), "payment_ref", "payment " + p.paymentRef() + " " + what
                        + " with different data"));
                }
                continue;
            }
            byLoan.computeIfAbsent(p.loanNo(), k -> new ArrayList<>()).add(p);
            newCount++;
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
            return failed(errors);
        }
        return new ParsedPayments(List.of(), byLoan, newCount, duplicates);
    }

    private static ParsedPayments failed(List<RowError> errors) {
        return new ParsedPayments(errors, new TreeMap<>(), 0, 0);
    }
}
