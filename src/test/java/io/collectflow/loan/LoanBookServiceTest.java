package io.collectflow.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.csv.RowError;
import io.collectflow.loan.payment.PaymentCommand;
import io.collectflow.loan.payment.PaymentConflictException;
import io.collectflow.loan.payment.PaymentRejectedException;
import io.collectflow.loan.payment.PostedPayment;

/** The Java service API other features use, on a plain H2 database (no Spring, no engine). */
class LoanBookServiceTest {

    private final PlainDatabase db = PlainDatabase.h2();

    private static final LocalDate FIRST_DUE = LocalDate.of(2024, 1, 31);

    @Test
    void builderBooksALoanWithItsSchedule() {
        db.loanBook.createLoans(List.of(NewLoan.builder("L1").borrower("B1", "Wang Fang").region("CN-GD")
            .principal("3000.00").annualRate("0.12").termMonths(3).firstDueOn(FIRST_DUE).build()));

        assertThat(db.jdbc.queryForList("SELECT due_on FROM installment WHERE loan_no = 'L1' ORDER BY seq", LocalDate.class))
            .containsExactly(FIRST_DUE, LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31));
        assertThat(db.jdbc.queryForObject("SELECT timezone FROM borrower WHERE borrower_id = 'B1'", String.class))
            .isEqualTo("Asia/Shanghai");
        assertThat(db.jdbc.queryForObject("SELECT disbursed_on FROM loan WHERE loan_no = 'L1'", LocalDate.class))
            .isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void invalidOrDuplicateLoansAreRejectedTogetherAndNothingIsStored() {
        db.loanBook.createLoans(List.of(NewLoan.builder("L1").build()));

        assertThatThrownBy(() -> db.loanBook.createLoans(List.of(
            NewLoan.builder("L2").build(),
            NewLoan.builder("L3").principal("-1").build(),
            NewLoan.builder("L4").region("ZZ-QQ").build(),
            NewLoan.builder("L1").build(),
            NewLoan.builder("L2").build())))
            .isInstanceOfSatisfying(LoanBookException.class, e -> assertThat(e.errors())
                .extracting(RowError::row, RowError::column)
                .containsExactly(tuple(2, "principal"), tuple(3, "region"),
                    tuple(4, "loan_no"), tuple(5, "loan_no")));
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM loan", Integer.class)).isEqualTo(1);
    }

    @Test
    void importReportsErrorsWithoutStoring() {
        LoanImportResult result = db.loanBook.importLoans(new StringReader(
            "loan_no,borrower_id\nL1,B1\n"));
        assertThat(result.imported()).isZero();
        assertThat(result.errors()).extracting(RowError::row).containsOnly(0);
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM borrower", Integer.class)).isZero();
    }

    @Test
    void paymentServiceIsIdempotentByReference() {
        db.loanBook.createLoans(List.of(NewLoan.builder("L1").principal("1200.00").annualRate("0")
            .firstDueOn(FIRST_DUE).build()));
        PaymentCommand payment = new PaymentCommand("R1", "L1", FIRST_DUE, new BigDecimal("100.00"), "cash");

        PostedPayment first = db.payments.post(payment);
        PostedPayment again = db.payments.post(payment);

        assertThat(first.duplicate()).isFalse();
        assertThat(first.allocations()).hasSize(1);
        assertThat(again.duplicate()).isTrue();
        assertThatThrownBy(() -> db.payments.post(new PaymentCommand("R1", "L1", FIRST_DUE, new BigDecimal("99"), "cash")))
            .isInstanceOf(PaymentConflictException.class);
        assertThatThrownBy(() -> db.payments.post(new PaymentCommand("R2", "NOPE", FIRST_DUE, BigDecimal.TEN, "cash")))
            .isInstanceOfSatisfying(PaymentRejectedException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("loanNo"));
        assertThat(db.jdbc.queryForObject("SELECT SUM(principal_paid) FROM installment", BigDecimal.class))
            .isEqualByComparingTo("100.00");
    }
}
