package io.collectflow.casework.form;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.FormDefinition;

/**
 * Create listener of a user task with a Camunda Form: the task opens with its form's inputs empty, so a value an
 * earlier task left in the process (the first approver's decision on the second approval, last month's review notes,
 * the previous follow-up's "keep the plan") is neither shown as this task's answer nor satisfies {@code required} when
 * the task is completed — a required field is filled in the task at hand.
 *
 * <p>Kept: fields marked {@code prefilled} in the form (custom property {@code prefilled: true}: the case's data or an
 * earlier step's value shown on purpose, such as the overdue reason on the call, the proposal being corrected, the
 * complaint's registration), values the model maps into the task itself (its input parameters), and display-only
 * fields (read-only or disabled, which are no inputs). Runs before the model's own create listeners, so a value one of
 * them sets for the form is kept as well.
 */
final class FormInputReset extends FormTaskListener {

    private final Set<String> mappedIntoTask;

    FormInputReset(FormDefinition form, DeployedForms forms, Set<String> mappedIntoTask) {
        super(form, forms);
        this.mappedIntoTask = Set.copyOf(mappedIntoTask);
    }

    @Override
    void notify(DelegateTask task, FormSchema schema) {
        for (String key : schema.keysClearedOnOpen()) {
            if (!mappedIntoTask.contains(key) && task.hasVariable(key)) {
                task.removeVariable(key);
            }
        }
    }
}
