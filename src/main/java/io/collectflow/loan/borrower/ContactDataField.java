package io.collectflow.loan.borrower;

import io.collectflow.security.pii.BorrowerPii;

/** The contact-data columns of {@code borrower}, how they are sealed, and their widths (sealed values must fit). */
enum ContactDataField {
    PHONE("phone", BorrowerPii.PHONE, 200), EMAIL("email", BorrowerPii.EMAIL, 320),
    ADDRESS("address", BorrowerPii.ADDRESS, 1000);

    final String column;
    final String sealedAs;
    final int width;

    ContactDataField(String column, String sealedAs, int width) {
        this.column = column;
        this.sealedAs = sealedAs;
        this.width = width;
    }
}
