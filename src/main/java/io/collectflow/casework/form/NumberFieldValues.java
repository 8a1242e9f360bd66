package io.collectflow.casework.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.FormDefinition;

/**
 * Complete listener of a user task with a Camunda Form, built in so it runs before the model's own listeners: what a
 * number field holds as text (a REST client's {@code String} variable, a form field set to output its number as a
 * string) becomes the number it spells — a whole number a {@code Long}, any other a {@code Double} — so the
 * listeners, delegates and gateways that read it get a number; blank text becomes no value, as an empty number field
 * sends.
 * Text that spells no plain number ({@code 1,200.50}, {@code L-7}), or one a {@code Double} cannot hold exactly, is
 * refused naming the field by its label ({@link InvalidFormException}, REST: 400) before anything reads it, and nothing
 * is changed. Display-only number fields count too: Tasklist submits them with the rest.
 */
final class NumberFieldValues extends FormTaskListener {

    /** A plain decimal number as a person or a script writes it: ASCII digits, an optional sign, point and exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    NumberFieldValues(FormDefinition form, DeployedForms forms) {
        super(form, forms);
    }

    @Override
    void notify(DelegateTask task, FormSchema schema) {
        coerce(schema, task::getVariable, task::setVariable);
    }

    /**
     * Stores the number each number field's text spells in place of the text ({@code store}); throws
     * {@link InvalidFormException} naming every field whose text is no number, having stored nothing.
     */
    static void coerce(FormSchema schema, Function<String, Object> values, BiConsumer<String, Object> store) {
        Map<String, Number> numbers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        schema.numberFields().forEach((key, label) -> {
            if (values.apply(key) instanceof String text) {
                String t = text.strip();
                Number number = t.isEmpty() ? null : number(t);
                if (number == null && !t.isEmpty()) {
                    problems.add(PLAIN_NUMBER.matcher(t).matches()
                        ? label + " has more digits than a number field keeps (15 at most)"
                        : label + " must be a number");
                } else {
                    numbers.put(key, number);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidFormException(schema.id(), problems);
        }
        numbers.forEach(store);
    }

    /** The number a text spells: a Long when whole, else a Double holding it exactly; null when it is neither. */
    static Number number(String text) {
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            return null;
        }
        BigDecimal exact = new BigDecimal(text);
        if (exact.scale() <= 0) {
            try {
                return exact.longValueExact();
            } catch (ArithmeticException beyondLong) {
                return null;
            }
        }
        double approximate = exact.doubleValue();
        return Double.isFinite(approximate) && BigDecimal.valueOf(approximate).compareTo(exact) == 0 ? approximate
            : null;
    }
}
