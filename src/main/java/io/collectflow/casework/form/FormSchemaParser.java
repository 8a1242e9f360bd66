package io.collectflow.casework.form;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a Camunda Form (the JSON Camunda Modeler saves, form-js schema) into the inputs {@link FormValidator} checks.
 *
 * <p>An input is a component of an input type with a {@code key} that is neither {@code disabled} nor
 * {@code readonly} (a FEEL {@code readonly} is kept as a condition). Texts, images, separators and computed
 * {@code expression} fields are not inputs. Groups are flattened, their hide condition and read-only state passed on to
 * their fields. Groups with a {@code path} (their data nested under a key) and dynamic lists are not read: their fields
 * are not checked — none of our forms has one.
 */
public final class FormSchemaParser {

    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", FormField.NUMBER, FormField.CHECKBOX,
        FormField.CHECKLIST, "radio", "select", FormField.TAGLIST, FormField.DATETIME);
    static final String GROUP = "group";
    /** Custom property of a field that shows process data and keeps it when its task opens. */
    static final String PREFILLED = "prefilled";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormSchemaParser() {
    }

    /** @throws IllegalArgumentException when the bytes are not a form's JSON */
    public static FormSchema parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Camunda Form (JSON): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a Camunda Form (JSON object)");
        }
        List<FormField> inputs = new ArrayList<>();
        collect(root.path("components"), List.of(), null, inputs);
        Set<String> fieldKeys = new LinkedHashSet<>();
        fieldKeys(root.path("components"), fieldKeys);
        Map<String, String> numberFields = new LinkedHashMap<>();
        numberFields(root.path("components"), numberFields);
        return new FormSchema(root.path("id").asText(null), inputs, fieldKeys, numberFields);
    }

    /**
     * The key and label of every number field, whatever its state (a display-only one is submitted too), outside
     * groups with a data path (their values are nested, not variables of their own).
     */
    private static void numberFields(JsonNode components, Map<String, String> numbers) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String key = component.path("key").asText("").strip();
            if (FormField.NUMBER.equals(type) && !key.isEmpty() && !key.contains(".")) {
                numbers.putIfAbsent(key, label(component, key));
            } else if (GROUP.equals(type) && component.path("path").asText("").isBlank()) {
                numberFields(component.path("components"), numbers);
            }
        }
    }

    /**
     * The variable of every component with a {@code key} or a data {@code path}, whatever its type and state: what
     * form-js submits (a dotted key or path nests its value under its first name).
     */
    private static void fieldKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            for (String property : new String[] {"key", "path"}) {
                String name = text(component.get(property));
                if (name != null) {
                    keys.add(name.strip().split("\\.", 2)[0]);
                }
            }
            fieldKeys(component.path("components"), keys);
        }
    }

    private static void collect(JsonNode components, List<String> hidden, String readonly, List<FormField> inputs) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (isTrue(component.get("disabled")) || isTrue(component.get("readonly"))) {
                continue;
            }
            List<String> hide = new ArrayList<>(hidden);
            String ownHide = feel(component.path("conditional").get("hide"));
            if (ownHide != null) {
                hide.add(ownHide);
            }
            String readonlyCondition = either(readonly, feel(component.get("readonly")));
            if (GROUP.equals(type)) {
                if (component.path("path").asText("").isBlank()) {
                    collect(component.path("components"), hide, readonlyCondition, inputs);
                }
            } else if (INPUT_TYPES.contains(type) && !component.path("key").asText("").isBlank()) {
                inputs.add(field(component, type, hide, readonlyCondition));
            }
        }
    }

    private static FormField field(JsonNode component, String type, List<String> hide, String readonly) {
        JsonNode validate = component.path("validate");
        String key = component.path("key").asText();
        return new FormField(key, label(component, key), type, isTrue(validate.get("required")),
            number(validate.get("min")), number(validate.get("max")), integer(validate.get("minLength")),
            integer(validate.get("maxLength")), text(validate.get("pattern")), text(validate.get("validationType")),
            options(component), hide, readonly, text(component.get("subtype")),
            isTrue(component.get("disallowPassedDates")), prefilled(component), integer(component.get("decimalDigits")),
            positive(number(component.get("increment"))));
    }

    /** The label, else a date or time field's own label, else the key; a label computed by FEEL gives the key. */
    private static String label(JsonNode component, String key) {
        for (String property : new String[] {"label", "dateLabel", "timeLabel"}) {
            String label = text(component.get(property));
            if (label != null && !label.startsWith("=")) {
                return label.strip();
            }
        }
        return key;
    }

    private static List<String> options(JsonNode component) {
        JsonNode values = component.get("values");
        if (values == null || !values.isArray() || component.hasNonNull("valuesKey")
            || component.hasNonNull("valuesExpression")) {
            return null;
        }
        List<String> options = new ArrayList<>();
        values.forEach(v -> {
            if (v.hasNonNull("value")) {
                options.add(v.get("value").asText());
            }
        });
        return options;
    }

    /** The custom property {@code prefilled} (Modeler: Custom properties) is {@code true}. */
    private static boolean prefilled(JsonNode component) {
        JsonNode value = component.path("properties").get(PREFILLED);
        return value != null && (isTrue(value) || "true".equalsIgnoreCase(value.asText().strip()));
    }

    /** A FEEL expression ("=..."), without its "="; null when the value is not one. */
    private static String feel(JsonNode node) {
        String text = text(node);
        if (text == null || !text.startsWith("=")) {
            return null;
        }
        String expression = text.substring(1).strip();
        return expression.isEmpty() ? null : expression;
    }

    private static String either(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return "(" + a + ") or (" + b + ")";
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        try {
            return node.isTextual() ? new BigDecimal(node.asText().strip()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static BigDecimal positive(BigDecimal n) {
        return n == null || n.signum() <= 0 ? null : n;
    }

    private static Integer integer(JsonNode node) {
        BigDecimal n = number(node);
        return n == null ? null : n.intValue();
    }
}
