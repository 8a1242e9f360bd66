package io.collectflow.casework.form;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.FormDefinition;

/**
 * Complete listener of a user task with a Camunda Form, built in so it runs before the model's own listeners: a REST
 * completion ({@link SubmittedVariables}) may only submit variables its form has a field for, else
 * {@link InvalidFormException} names them (REST: 400) before a listener or gateway trips over a value of the wrong kind
 * (a text {@code planId} where the process holds a number). Tasklist submits the form's fields only; the application's
 * own completions (Java API) are not REST completions and are not checked here.
 */
final class SubmittedVariablesCheck extends FormTaskListener {

    SubmittedVariablesCheck(FormDefinition form, DeployedForms forms) {
        super(form, forms);
    }

    @Override
    void notify(DelegateTask task, FormSchema schema) {
        SubmittedVariables.to(task.getId()).ifPresent(names -> {
            List<String> problems = names.stream().filter(name -> !schema.fieldKeys().contains(name)).sorted()
                .map(name -> name + ": not a field of this form").toList();
            if (!problems.isEmpty()) {
                throw new InvalidFormException(schema.id(), problems);
            }
        });
    }
}
