package io.collectflow.casework.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input of a Camunda Form as far as completing a task is concerned: its variable, the label a person reads, the
 * constraints of its {@code validate} block, its static options and the FEEL conditions that hide it (its own and those
 * of the groups around it, each without the leading {@code =}).
 *
 * @param options          the values a select, radio, checklist or tag list offers; null when it has none or they come
 *                         from a variable or an expression
 * @param readonlyCondition a FEEL condition making the field read-only, or null
 * @param subtype           of a {@code datetime} field: {@code date}, {@code time} or {@code datetime}; else null
 * @param disallowPassedDates a {@code datetime} field's {@code disallowPassedDates}: no date before today
 * @param prefilled         the field shows a value the process already holds (custom property {@code prefilled} =
 *                          {@code true}): kept when the task opens, where other inputs start empty
 * @param decimalDigits     a number field's {@code decimalDigits}: at most this many digits after the decimal point;
 *                          null when not limited
 * @param increment         a number field's {@code increment}: its values are multiples of it; null when not set
 */
public record FormField(String key, String label, String type, boolean required, BigDecimal min, BigDecimal max,
        Integer minLength, Integer maxLength, String pattern, String validationType, List<String> options,
        List<String> hideConditions, String readonlyCondition, String subtype, boolean disallowPassedDates,
        boolean prefilled, Integer decimalDigits, BigDecimal increment) {

    public static final String CHECKBOX = "checkbox";
    public static final String CHECKLIST = "checklist";
    public static final String TAGLIST = "taglist";
    public static final String NUMBER = "number";
    public static final String DATETIME = "datetime";

    public FormField {
        options = options == null ? null : List.copyOf(options);
        hideConditions = List.copyOf(hideConditions);
    }

    /** What the form holds for this field before anyone touches it (form-js: an unticked box is false). */
    Object emptyValue() {
        return switch (type) {
            case CHECKBOX -> Boolean.FALSE;
            case CHECKLIST, TAGLIST -> List.of();
            default -> null;
        };
    }

    /** A date or date-time field (a {@code datetime} field without subtype is a date field, as in form-js). */
    boolean holdsDate() {
        return DATETIME.equals(type) && !"time".equals(subtype);
    }

    boolean multiple() {
        return CHECKLIST.equals(type) || TAGLIST.equals(type);
    }
}
