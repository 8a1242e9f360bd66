package io.collectflow.casework.form;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.FormDefinition;

/**
 * A listener of a user task with a Camunda Form that works with the form the task shows: found as the engine finds it
 * ({@link DeployedForms}, parsed once per deployment); nothing happens when there is none.
 */
abstract class FormTaskListener implements TaskListener {

    private final FormDefinition form;
    private final DeployedForms forms;

    FormTaskListener(FormDefinition form, DeployedForms forms) {
        this.form = form;
        this.forms = forms;
    }

    @Override
    public final void notify(DelegateTask task) {
        forms.find(form, task.getProcessDefinitionId(), task).ifPresent(schema -> notify(task, schema));
    }

    /** The event of {@code task}, whose form is {@code schema}. */
    abstract void notify(DelegateTask task, FormSchema schema);
}
