package io.collectflow.casework.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.stage.InvalidReportException;
import io.collectflow.contact.ContactBlockedException;
import io.collectflow.legal.FourEyesViolationException;

/** Which failures {@link FormRefusals} turns into the engine's form validation failure (REST: 400). */
class FormRefusalsTest {

    private static final CompleteTaskCmd COMPLETE = new CompleteTaskCmd("task-1", Map.of());

    /** What the engine makes of an exception thrown by a task listener. */
    private static ProcessEngineException fromListener(RuntimeException e) {
        return new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener. Message: '"
            + e.getMessage() + "'", e);
    }

    @Test
    void aRefusalThrownByAListenerBecomesAFormValidationFailureWithItsOwnMessage() {
        RuntimeException blocked = FormRefusals.translate(COMPLETE, fromListener(new ProcessEngineException(
            "Calling is allowed again at Mon 09:00", new ContactBlockedException("Calling is allowed again at Mon 09:00",
                null))));
        assertThat(blocked).isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Calling is allowed again at Mon 09:00");

        RuntimeException report = FormRefusals.translate(COMPLETE,
            fromListener(new InvalidReportException(List.of("promiseDate: a promise needs a date from today on"))));
        assertThat(report).isInstanceOf(FormFieldValidationException.class)
            .hasMessage("Please correct: promiseDate: a promise needs a date from today on");

        RuntimeException form = FormRefusals.translate(COMPLETE,
            fromListener(new InvalidFormException("send-lawyer-letter", List.of("Tracking is required"))));
        assertThat(((FormFieldValidationException) form).<List<String>>getDetail()).containsExactly("Tracking is required");
    }

    @Test
    void aFourEyesRefusalBecomesAnAuthorizationFailureWithItsOwnMessage() {
        String message = "write-off request 7: manager9 requested this write-off and may not approve it (four-eyes rule)";
        RuntimeException refused = FormRefusals.translate(COMPLETE,
            fromListener(new ProcessEngineException(message, new FourEyesViolationException(message))));
        assertThat(refused).isInstanceOf(AuthorizationException.class).hasMessage(message);
    }

    @Test
    void otherFailuresAndOtherCommandsPassUnchanged() {
        ProcessEngineException technical = fromListener(new IllegalStateException("database gone"));
        assertThat(FormRefusals.translate(COMPLETE, technical)).isSameAs(technical);

        ProcessEngineException refusedElsewhere = fromListener(new InvalidReportException(List.of("x")));
        assertThat(FormRefusals.translate(new ClaimTaskCmd("task-1", "collector1"), refusedElsewhere))
            .isSameAs(refusedElsewhere);
    }
}
