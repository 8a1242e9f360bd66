package io.collectflow.loan.csv;

/**
 * The file is not well-formed CSV. {@code record} counts records from 1 (the header), so data row R
 * is record R + 1.
 */
public class CsvFormatException extends RuntimeException {

    private final int record;

    public CsvFormatException(int record, String message) {
        super(message);
        this.record = record;
    }

    public int record() {
        return record;
    }
}
