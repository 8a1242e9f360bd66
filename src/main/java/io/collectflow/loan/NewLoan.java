package io.collectflow.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A loan to be booked, with its borrower. Rates are decimal fractions per year (0.12 = 12 %). Build
 * one in code with {@link #builder(String)}; {@link LoanBookService#createLoans} books it.
 */
public record NewLoan(String loanNo, NewBorrower borrower, Product product, BigDecimal principal,
        BigDecimal annualRate, BigDecimal penaltyRate, int termMonths, LocalDate disbursedOn, LocalDate firstDueOn) {

    public static Builder builder(String loanNo) {
        return new Builder(loanNo);
    }

    /**
     * Fluent builder with demo-friendly defaults: borrower {@code B-<loanNo>} in {@code CN-SH},
     * consumer product, 12 000.00 over 12 months at 12 % (penalty 18 %), disbursed one month before
     * the first due date (default: the 15th of next month).
     */
    public static final class Builder {
        private final String loanNo;
        private String borrowerId;
        private String borrowerName;
        private String idNumber;
        private String phone = "+86 138 0000 0000";
        private String email;
        private String address;
        private String region = "CN-SH";
        private String timezone;
        private Product product = Product.CONSUMER;
        private BigDecimal principal = new BigDecimal("12000.00");
        private BigDecimal annualRate = new BigDecimal("0.12");
        private BigDecimal penaltyRate = new BigDecimal("0.18");
        private int termMonths = 12;
        private LocalDate disbursedOn;
        private LocalDate firstDueOn;

        private Builder(String loanNo) {
            this.loanNo = loanNo;
        }

        public Builder borrower(String id, String name) {
            this.borrowerId = id;
            this.borrowerName = name;
            return this;
        }

        public Builder idNumber(String value) {
            this.idNumber = value;
            return this;
        }

        public Builder phone(String value) {
            this.phone = value;
            return this;
        }

        public Builder email(String value) {
            this.email = value;
            return this;
        }

        public Builder address(String value) {
            this.address = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder timezone(String value) {
            this.timezone = value;
            return this;
        }

        public Builder product(Product value) {
            this.product = value;
            return this;
        }

        public Builder principal(String value) {
            return principal(new BigDecimal(value));
        }

        public Builder principal(BigDecimal value) {
            this.principal = value;
            return this;
        }

        public Builder annualRate(String value) {
            this.annualRate = new BigDecimal(value);
            return this;
        }

        public Builder penaltyRate(String value) {
            this.penaltyRate = new BigDecimal(value);
            return this;
        }

        public Builder termMonths(int value) {
            this.termMonths = value;
            return this;
        }

        public Builder disbursedOn(LocalDate value) {
            this.disbursedOn = value;
            return this;
        }

        public Builder firstDueOn(LocalDate value) {
            this.firstDueOn = value;
            return this;
        }

        public NewLoan build() {
            LocalDate firstDue = firstDueOn != null ? firstDueOn : LocalDate.now().plusMonths(1).withDayOfMonth(15);
            LocalDate disbursed = disbursedOn != null ? disbursedOn : firstDue.minusMonths(1);
            String id = borrowerId != null ? borrowerId : "B-" + loanNo;
            String zone = timezone != null ? timezone
                : RegionTimezones.zoneFor(region).map(Object::toString).orElse(null);
            NewBorrower borrower = new NewBorrower(id, borrowerName != null ? borrowerName : "Borrower " + id,
                idNumber != null ? idNumber : "ID-" + id, phone, email, address, region, zone);
            return new NewLoan(loanNo, borrower, product, principal, annualRate, penaltyRate, termMonths,
                disbursed, firstDue);
        }
    }
}
