package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Typed reads of process variables for the delegates: form values arrive as strings, numbers of any
 * width or dates; this is the one place that turns them into Java types.
 */
final class ProcessData {

    private ProcessData() {
    }

    /** The engine clock (moves with ClockUtil in tests). */
    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    static Boolean optionalBool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : bool(scope, name);
    }

    static int integer(VariableScope scope, String name, int fallback) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : value == null ? fallback : Integer.parseInt(value.toString());
    }

    static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidReportException(java.util.List.of(name + ": '" + value + "' is not a number"));
        }
    }

    /**
     * A date field: the form's ISO string ({@code 2026-12-01}, a local date-time as written), or an instant — a
     * Date (a REST client's date variable) or a text with an offset — which stands for the date it falls on in the
     * field's zone, {@code dateAt} (a report's dates are the borrower's: the date in the borrower's zone, as the
     * form check reads them), never the server's zone.
     */
    static LocalDate date(VariableScope scope, String name, Function<Instant, LocalDate> dateAt) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return dateAt.apply(d.toInstant());
        }
        String text = value.toString().trim();
        try {
            return text.length() <= 10 ? LocalDate.parse(text) : dateOfDateTime(text, dateAt);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(java.util.List.of(name + ": '" + text + "' is not a date (YYYY-MM-DD)"));
        }
    }

    private static LocalDate dateOfDateTime(String text, Function<Instant, LocalDate> dateAt) {
        try {
            return dateAt.apply(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(text).toLocalDate();
        }
    }

    static Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Date d ? d.toInstant() : null;
    }

    static Date toDate(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
