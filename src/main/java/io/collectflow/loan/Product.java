package io.collectflow.loan;

import java.util.Arrays;
import java.util.Optional;

/** Loan products; {@link #code()} is what CSV files and the {@code loan.product} column hold. */
public enum Product {
    CONSUMER("consumer"),
    SMALL_BUSINESS("small_business");

    private final String code;

    Product(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Product> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
