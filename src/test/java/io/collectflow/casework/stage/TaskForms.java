package io.collectflow.casework.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a user sees on a task's Camunda Form in Tasklist: its fields, and what they show when it opens. */
public final class TaskForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskForms() {
    }

    /** The fields the user fills in (key → component type), disabled (read-only) fields left out, in form order. */
    public static Map<String, String> editableFields(FormService forms, String taskId) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            collect(JSON.readTree(form).path("components"), fields, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /** The read-only fields (key → component type): what the form shows from earlier steps. */
    public static Map<String, String> readOnlyFields(FormService forms, String taskId) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            collect(JSON.readTree(form).path("components"), fields, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /**
     * The values the editable fields open with (as Tasklist loads them: the task's variables); only those a user sees
     * filled in (not null, not an unticked checkbox).
     */
    public static Map<String, Object> prefilled(FormService forms, TaskService tasks, String taskId) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : editableFields(forms, taskId).keySet()) {
            Object value = tasks.getVariable(taskId, key);
            if (value != null && !Boolean.FALSE.equals(value)) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static void collect(JsonNode components, Map<String, String> fields, boolean disabled) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key") && component.path("disabled").asBoolean(false) == disabled) {
                fields.put(component.get("key").asText(), component.path("type").asText());
            }
            collect(component.path("components"), fields, disabled);
        }
    }
}
