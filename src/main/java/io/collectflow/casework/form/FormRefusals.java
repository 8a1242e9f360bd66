package io.collectflow.casework.form;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import io.collectflow.web.RefusedActor;
import io.collectflow.web.RefusedInput;

/**
 * Lets a refused task completion or form submission reach the caller as what it is. The engine wraps whatever a task
 * listener throws into a plain {@code ProcessEngineException} ("Exception while invoking TaskListener: …"), which the
 * engine REST API answers with 500. When such a failure of completing a task or submitting a form was caused by a
 * {@link RefusedInput} (the form's rules, a collector's report, the compliance guard), this interceptor throws Camunda's
 * {@link FormFieldValidationException} with the refusal's own message instead: {@code /task/{id}/complete},
 * {@code /task/{id}/submit-form} and {@code /process-definition/{id}/submit-form} answer it with 400 and
 * "Cannot complete task …: &lt;message&gt;". A {@link RefusedActor} (the four-eyes rule) becomes an
 * {@link AuthorizationException} with its message, which the REST API answers with 403. The transaction has been rolled back by then; other commands and other
 * failures pass unchanged. Java callers catching {@code ProcessEngineException} still catch it (a subclass).
 */
final class FormRefusals extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            throw translate(command, e);
        }
    }

    static RuntimeException translate(Command<?> command, RuntimeException failure) {
        if (failure instanceof FormFieldValidationException) {
            return failure;
        }
        Throwable refusal = refusal(command, failure);
        if (refusal instanceof RefusedInput) {
            Object detail = refusal instanceof InvalidFormException invalid ? invalid.problems() : null;
            return new FormFieldValidationException(detail, refusal.getMessage(), failure);
        }
        if (refusal instanceof RefusedActor) {
            return new AuthorizationException(refusal.getMessage());
        }
        return failure;
    }

    /**
     * What refused a task completion or form submission ({@code command}) when {@code failure} is a refusal: the
     * {@link RefusedInput} or {@link RefusedActor} among its causes, or the engine's own
     * {@link FormFieldValidationException}; null for other commands and for real failures.
     */
    static Throwable refusal(Command<?> command, Throwable failure) {
        if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
            || command instanceof SubmitStartFormCmd)) {
            return null;
        }
        Throwable validation = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RefusedInput || cause instanceof RefusedActor) {
                return cause;
            }
            if (validation == null && cause instanceof FormFieldValidationException) {
                validation = cause;
            }
        }
        return validation;
    }
}
