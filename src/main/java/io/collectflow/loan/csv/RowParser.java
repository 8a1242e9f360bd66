package io.collectflow.loan.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed access to one data row that records every problem (row, column, message) instead of
 * stopping at the first, so an upload reports all its errors at once. Each getter returns null when
 * the value is invalid (and an error was recorded).
 */
public final class RowParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private final CsvTable table;
    private final int row;
    private final List<RowError> errors;

    public RowParser(CsvTable table, int row, List<RowError> errors) {
        this.table = table;
        this.row = row;
        this.errors = errors;
        int extra = table.extraValues(row);
        if (extra > 0) {
            error("", extra + (extra == 1 ? " value" : " values") + " beyond the header's " + table.headerWidth()
                + " columns: a value containing a comma must be enclosed in double quotes");
        }
    }

    public int row() {
        return row;
    }

    public void error(String column, String message) {
        errors.add(new RowError(row, column, message));
    }

    /** A required text of at most {@code maxLength} characters. */
    public String required(String column, int maxLength) {
        String value = requiredValue(column);
        return value == null ? null : checkLength(column, value, maxLength);
    }

    /** An optional text; null when blank. */
    public String optional(String column, int maxLength) {
        String value = table.value(row, column);
        return value.isEmpty() ? null : checkLength(column, value, maxLength);
    }

    /** A required decimal with at most {@code maxScale} decimal places. */
    public BigDecimal decimal(String column, int maxScale) {
        String value = requiredValue(column);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            error(column, "'" + value + "' is not a decimal number (use digits and a '.' like 1234.50)");
            return null;
        }
        BigDecimal number = new BigDecimal(value);
        if (number.scale() > maxScale) {
            error(column, "'" + value + "' has more than " + maxScale + " decimal places");
            return null;
        }
        return number;
    }

    /** A required whole number. */
    public Integer integer(String column) {
        String value = requiredValue(column);
        if (value == null) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            error(column, "'" + value + "' is not a whole number");
            return null;
        }
        return Integer.valueOf(value);
    }

    /** A required ISO date (YYYY-MM-DD). */
    public LocalDate date(String column) {
        String value = requiredValue(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(column, "'" + value + "' is not a valid date (expected YYYY-MM-DD)");
            return null;
        }
    }

    /** The value, or null (and an error) when it is blank. */
    private String requiredValue(String column) {
        String value = table.value(row, column);
        if (value.isEmpty()) {
            error(column, "is required");
            return null;
        }
        return value;
    }

    private String checkLength(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            error(column, "is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }
}
