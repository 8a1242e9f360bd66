package io.collectflow.casework.form;

import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.collectflow.ops.feel.CachingFeelEngine;

/**
 * Evaluates the forms' FEEL conditions ({@code conditional.hide}, {@code readonly}) with Camunda's FEEL engine
 * (feel-scala, parsed expressions cached), as Tasklist's form renderer does in the browser. A variable the values do
 * not hold is null. A condition that does not evaluate counts as false (the field is shown, as form-js shows it).
 */
public final class FeelConditions implements FormValidator.Conditions {

    private static final Logger LOG = LoggerFactory.getLogger(FeelConditions.class);

    private final CachingFeelEngine feel;

    public FeelConditions(CachingFeelEngine feel) {
        this.feel = feel;
    }

    public FeelConditions() {
        this(new CachingFeelEngine());
    }

    @Override
    public boolean isTrue(String condition, Function<String, Object> values) {
        try {
            Object result = feel.evaluateSimpleExpression(condition, new Lookup(values));
            return Boolean.TRUE.equals(result);
        } catch (RuntimeException e) {
            LOG.debug("Form condition '{}' did not evaluate; treated as false: {}", condition, e.getMessage());
            return false;
        }
    }

    /** Every name resolves (to null when absent), so a condition on a field nobody filled in sees null. */
    private record Lookup(Function<String, Object> values) implements VariableContext {

        @Override
        public TypedValue resolve(String name) {
            return Variables.untypedValue(values.apply(name));
        }

        @Override
        public boolean containsVariable(String name) {
            return true;
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }
    }
}
