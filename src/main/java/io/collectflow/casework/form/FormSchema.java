package io.collectflow.casework.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Camunda Form: its id and the fields a person fills in (display-only fields and texts are left out), with
 * the key sets the checks ask for at every task computed once, when the form is parsed.
 *
 * @param inputKeys         the variables the form lets a person set, in form order
 * @param keysClearedOnOpen the variables that start empty when a task with this form opens: every input's but those
 *                          of fields marked {@code prefilled} (they show the case's data or an earlier step's value on
 *                          purpose)
 * @param numberFields      the variable and label of every number field, display-only ones included: what the form
 *                          submits there is a number
 */
public record FormSchema(String id, List<FormField> inputs, Set<String> fieldKeys, Set<String> inputKeys,
        Set<String> keysClearedOnOpen, Map<String, String> numberFields) {

    public FormSchema {
        inputs = List.copyOf(inputs);
        fieldKeys = immutableInOrder(fieldKeys);
        inputKeys = immutableInOrder(inputKeys);
        keysClearedOnOpen = immutableInOrder(keysClearedOnOpen);
        numberFields = Collections.unmodifiableMap(new LinkedHashMap<>(numberFields));
    }

    /**
     * @param fieldKeys    the variables the form can submit: the key of every field, display-only ones included
     *                     (Tasklist submits read-only fields too), and the data path of a group or dynamic list
     * @param numberFields label by variable of every number field, display-only ones included
     */
    public FormSchema(String id, List<FormField> inputs, Set<String> fieldKeys, Map<String, String> numberFields) {
        this(id, inputs, fieldKeys, inputKeys(inputs), keysClearedOnOpen(inputs), numberFields);
    }

    /** A form whose number fields are its number inputs. */
    public FormSchema(String id, List<FormField> inputs, Set<String> fieldKeys) {
        this(id, inputs, fieldKeys, numberInputs(inputs));
    }

    public FormSchema(String id, List<FormField> inputs) {
        this(id, inputs, inputKeys(inputs));
    }

    private static Set<String> inputKeys(List<FormField> inputs) {
        Set<String> keys = new LinkedHashSet<>();
        inputs.forEach(f -> keys.add(f.key()));
        return keys;
    }

    private static Map<String, String> numberInputs(List<FormField> inputs) {
        Map<String, String> numbers = new LinkedHashMap<>();
        inputs.stream().filter(f -> FormField.NUMBER.equals(f.type()))
            .forEach(f -> numbers.putIfAbsent(f.key(), f.label()));
        return numbers;
    }

    private static Set<String> keysClearedOnOpen(List<FormField> inputs) {
        Set<String> keys = new LinkedHashSet<>();
        inputs.stream().filter(f -> !f.prefilled()).forEach(f -> keys.add(f.key()));
        inputs.stream().filter(FormField::prefilled).forEach(f -> keys.remove(f.key()));
        return keys;
    }

    /** Set.copyOf forgets the order; the form's order is kept for messages and tests. */
    private static Set<String> immutableInOrder(Set<String> keys) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(keys));
    }
}
