package io.collectflow.loan.csv;

/** One problem in an uploaded CSV: data row (1 = first row after the header; 0 = the header itself), column, message. */
public record RowError(int row, String column, String message) {
}
