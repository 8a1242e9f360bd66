package io.collectflow.casework.stage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

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

    /** A date field: the form's ISO string ({@code 2026-12-01}, optionally with a time) or a Date. */
    static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        String text = value.toString().trim();
        try {
            return text.length() > 10 ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidReportException(java.util.List.of(name + ": '" + text + "' is not a date (YYYY-MM-DD)"));
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
