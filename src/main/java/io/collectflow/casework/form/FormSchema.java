package io.collectflow.casework.form;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A parsed Camunda Form: its id and the fields a person fills in (display-only fields and texts are left out). */
public record FormSchema(String id, List<FormField> inputs) {

    public FormSchema {
        inputs = List.copyOf(inputs);
    }

    /**
     * The variables that start empty when a task with this form opens: every input's but those of fields marked
     * {@code prefilled} (they show the case's data or an earlier step's value on purpose).
     */
    public Set<String> keysClearedOnOpen() {
        Set<String> keys = new LinkedHashSet<>();
        inputs.stream().filter(f -> !f.prefilled()).forEach(f -> keys.add(f.key()));
        inputs.stream().filter(FormField::prefilled).forEach(f -> keys.remove(f.key()));
        return keys;
    }

    /** The variables the form lets a person set, in form order. */
    public Set<String> inputKeys() {
        Set<String> keys = new LinkedHashSet<>();
        inputs.forEach(f -> keys.add(f.key()));
        return keys;
    }
}
