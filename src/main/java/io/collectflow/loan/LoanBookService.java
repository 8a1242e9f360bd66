package io.collectflow.loan;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.loan.csv.CsvFormatException;
import io.collectflow.loan.csv.CsvTable;
import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.importing.LoanCsvParser;
import io.collectflow.loan.importing.LoanCsvParser.ParsedLoan;

/**
 * Books loans with their borrowers and annuity schedules — from a CSV upload
 * ({@link #importLoans(Reader)}) or from code ({@link #createLoans(Collection)}). Both are all or
 * nothing: every problem is collected first, and only a clean batch is written, in one transaction,
 * with JDBC batches. Borrowers are upserted by {@code borrower_id} (existing contact data replaced, and the
 * {@link ContactDataReplacement} told).
 */
@Service
public class LoanBookService {

    private static final Comparator<RowError> BY_ROW = Comparator.comparingInt(RowError::row);

    private final LoanBookRepository repository;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ContactDataReplacement replacement;

    @Autowired
    public LoanBookService(LoanBookRepository repository, TransactionTemplate tx, ContactDataReplacement replacement) {
        this(repository, tx, Clock.systemUTC(), replacement);
    }

    /** A loan book on a plain database: nothing else to tell when contact data is replaced. */
    public LoanBookService(LoanBookRepository repository, TransactionTemplate tx) {
        this(repository, tx, Clock.systemUTC(), ContactDataReplacement.NONE);
    }

    LoanBookService(LoanBookRepository repository, TransactionTemplate tx, Clock clock, ContactDataReplacement replacement) {
        this.repository = repository;
        this.tx = tx;
        this.clock = clock;
        this.replacement = replacement;
    }

    /**
     * Imports a loan-book CSV (CONTRACT.md). Returns the number imported, or 0 with every row error
     * when anything is wrong (then nothing is stored). Reading problems of the underlying stream
     * propagate unchanged (e.g. a strict UTF-8 decoder's error wrapped in UncheckedIOException).
     */
    public LoanImportResult importLoans(Reader csv) {
        CsvTable table;
        try {
            table = CsvTable.read(csv, LoanCsvParser.REQUIRED_COLUMNS);
        } catch (CsvFormatException e) {
            return new LoanImportResult(0, List.of(new RowError(e.record() - 1, "", e.getMessage())));
        }
        if (!table.headerErrors().isEmpty()) {
            return new LoanImportResult(0, table.headerErrors());
        }
        List<RowError> errors = new ArrayList<>();
        List<ParsedLoan> parsed = LoanCsvParser.parse(table, errors);
        Set<String> stored = repository.existingLoanNos(parsed.stream().map(p -> p.loan().loanNo()).toList());
        for (ParsedLoan p : parsed) {
            if (stored.contains(p.loan().loanNo())) {
                errors.add(new RowError(p.row(), "loan_no", "loan " + p.loan().loanNo() + " already exists"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(BY_ROW);
            return new LoanImportResult(0, errors);
        }
        List<NewLoan> loans = parsed.stream().map(ParsedLoan::loan).toList();
        store(loans);
        return new LoanImportResult(loans.size(), List.of());
    }

    /**
     * Books loans built in code (see {@link NewLoan#builder(String)}). Throws
     * {@link LoanBookException} listing every problem (row = position in the collection, 1-based)
     * and stores nothing when any loan is invalid or already exists.
     */
    public void createLoans(Collection<NewLoan> loans) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int row = 0;
        for (NewLoan loan : loans) {
            int r = ++row;
            LoanRules.check(loan, (column, message) -> errors.add(new RowError(r, column, message)));
            if (loan.loanNo() != null && seen.putIfAbsent(loan.loanNo(), r) != null) {
                errors.add(new RowError(r, "loan_no", "loan " + loan.loanNo() + " is given twice"));
            }
        }
        Set<String> stored = repository.existingLoanNos(seen.keySet());
        seen.forEach((loanNo, r) -> {
            if (stored.contains(loanNo)) {
                errors.add(new RowError(r, "loan_no", "loan " + loanNo + " already exists"));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(BY_ROW);
            throw new LoanBookException(errors);
        }
        store(List.copyOf(loans));
    }

    private void store(List<NewLoan> loans) {
        Instant now = clock.instant();
        Map<String, NewBorrower> borrowers = new LinkedHashMap<>();
        loans.forEach(l -> borrowers.put(l.borrower().borrowerId(), l.borrower()));
        tx.executeWithoutResult(status -> {
            Set<String> existing = repository.existingBorrowerIds(borrowers.keySet());
            List<NewBorrower> toUpdate = borrowers.values().stream().filter(b -> existing.contains(b.borrowerId())).toList();
            List<NewBorrower> toInsert = borrowers.values().stream().filter(b -> !existing.contains(b.borrowerId())).toList();
            Runnable replaced = replacement.replacing(toUpdate, now);
            repository.updateBorrowers(toUpdate);
            replaced.run();
            repository.insertBorrowers(toInsert, now);
            repository.insertLoans(loans, now);
        });
    }
}
