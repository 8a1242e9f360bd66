package io.collectflow.casework.form;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Complete listener of a user task with a Camunda Form: the task's variables as they are at completion (what was
 * submitted over what the task already saw) must satisfy the form, else {@link InvalidFormException} keeps the task
 * open and nothing of the completion is stored.
 */
final class FormCompletionCheck extends FormTaskListener {

    private final FormValidator validator;
    private final FormZones zones;

    FormCompletionCheck(FormDefinition form, DeployedForms forms, FormValidator validator, FormZones zones) {
        super(form, forms);
        this.validator = validator;
        this.zones = zones;
    }

    @Override
    void notify(DelegateTask task, FormSchema schema) {
        List<String> problems = validator.problems(schema, task::getVariable,
            ClockUtil.getCurrentTime().toInstant(), () -> zones.of(task::getVariable));
        if (!problems.isEmpty()) {
            throw new InvalidFormException(schema.id(), problems);
        }
    }
}
