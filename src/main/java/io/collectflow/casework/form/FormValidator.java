package io.collectflow.casework.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks values against a form's fields as Tasklist's form renderer (form-js) does before it submits, so a client
 * that skips the form (REST, scripts) is held to the same rules: {@code validate.required}, {@code min}/{@code max}
 * of numbers, {@code minLength}/{@code maxLength}, {@code pattern} and {@code validationType: email} of texts, and
 * the static options of selects, radios, checklists and tag lists. A field hidden by its {@code conditional.hide}
 * (or its group's) or made read-only by a FEEL {@code readonly} is not checked. Problems name the field by its label.
 *
 * <p>Conditions see the values as the form shows them: a box nobody ticked is false, as in form-js. Blank text counts
 * as missing. {@code disallowPassedDates} and phone numbers are not checked (the collectors' own report checks cover
 * dates in the past).
 */
public final class FormValidator {

    private static final Logger LOG = LoggerFactory.getLogger(FormValidator.class);
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final int SHOWN_VALUE_LENGTH = 40;

    /** Evaluates a form's FEEL condition (without its leading "=") against the form's values. */
    @FunctionalInterface
    public interface Conditions {

        /** True only when the condition evaluates to true; false for false, null or a failed evaluation. */
        boolean isTrue(String condition, Function<String, Object> values);
    }

    private final Conditions conditions;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public FormValidator(Conditions conditions) {
        this.conditions = conditions;
    }

    /** Every problem of the values, in form order; empty when the form would accept them. */
    public List<String> problems(FormSchema form, Function<String, Object> values) {
        Map<String, FormField> byKey = new HashMap<>();
        form.inputs().forEach(f -> byKey.putIfAbsent(f.key(), f));
        Function<String, Object> shown = name -> {
            Object value = values.apply(name);
            FormField field = byKey.get(name);
            return value == null && field != null ? field.emptyValue() : value;
        };
        Map<String, Boolean> evaluated = new HashMap<>();
        Function<String, Boolean> holds = c -> evaluated.computeIfAbsent(c, x -> conditions.isTrue(x, shown));
        List<String> problems = new ArrayList<>();
        for (FormField field : form.inputs()) {
            boolean skipped = field.hideConditions().stream().anyMatch(holds::apply)
                || field.readonlyCondition() != null && holds.apply(field.readonlyCondition());
            if (!skipped) {
                check(field, values.apply(field.key()), problems);
            }
        }
        return problems;
    }

    private void check(FormField field, Object value, List<String> problems) {
        String label = field.label();
        if (missing(field, value)) {
            if (field.required()) {
                problems.add(label + " is required");
            }
            return;
        }
        if (FormField.NUMBER.equals(field.type())) {
            checkNumber(field, value, problems);
        } else if (FormField.CHECKBOX.equals(field.type()) && !(value instanceof Boolean)) {
            problems.add(label + " must be true or false");
        }
        if (field.options() != null) {
            checkOptions(field, value, problems);
        }
        if (value instanceof String text) {
            checkText(field, text, problems);
        }
    }

    private static boolean missing(FormField field, Object value) {
        if (value == null) {
            return true;
        }
        if (FormField.CHECKBOX.equals(field.type())) {
            return Boolean.FALSE.equals(value);
        }
        return value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty();
    }

    private static void checkNumber(FormField field, Object value, List<String> problems) {
        BigDecimal number = number(value);
        if (number == null) {
            problems.add(field.label() + " must be a number");
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            problems.add(field.label() + " must be at least " + plain(field.min()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            problems.add(field.label() + " must be at most " + plain(field.max()));
        }
    }

    private static void checkOptions(FormField field, Object value, List<String> problems) {
        Collection<?> chosen = field.multiple() && value instanceof Collection<?> c ? c : List.of(value);
        for (Object choice : chosen) {
            if (choice == null || !field.options().contains(choice.toString())) {
                problems.add(field.label() + " must be one of " + String.join(", ", field.options()) + " (not '"
                    + shorten(String.valueOf(choice)) + "')");
                return;
            }
        }
    }

    private void checkText(FormField field, String text, List<String> problems) {
        String label = field.label();
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            problems.add(label + " must have at least " + field.minLength() + " characters");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            problems.add(label + " must have at most " + field.maxLength() + " characters");
        }
        Pattern pattern = field.pattern() == null ? null : pattern(field.pattern());
        if (pattern != null && !pattern.matcher(text).find()) {
            problems.add(label + " is not in the expected format");
        }
        if ("email".equalsIgnoreCase(field.validationType()) && !EMAIL.matcher(text.strip()).matches()) {
            problems.add(label + " must be an e-mail address");
        }
    }

    /** The compiled pattern (form-js tests it like JavaScript's RegExp.test: found anywhere); null if Java cannot read it. */
    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                LOG.warn("Form pattern {} is not a Java regular expression; not checked: {}", r, e.getDescription());
                return Pattern.compile("");
            }
        });
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException notANumber) {
            // NaN, infinity or text
        }
        return null;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String value) {
        return value.length() <= SHOWN_VALUE_LENGTH ? value : value.substring(0, SHOWN_VALUE_LENGTH) + "…";
    }
}
