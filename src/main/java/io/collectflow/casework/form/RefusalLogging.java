package io.collectflow.casework.form;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.collectflow.web.RefusedActor;

/**
 * Keeps refusals of a person's input out of the error log. When a command fails, the engine's command context logs
 * the failure with its stack trace at ERROR ({@code org.camunda.bpm.engine.context}, "ENGINE-16004 Exception while
 * closing command context") unless its {@code shouldLogFine} hook says the failure is expected — as it does for an
 * optimistic lock, a bad user request or a missing authorization, which it logs at DEBUG ("ENGINE-16002").
 *
 * <p>This factory gives the engine command contexts whose hook also counts a refused task completion or form
 * submission as expected ({@link FormRefusals#refusal}: a {@code RefusedInput}, a {@code RefusedActor}, Camunda's own
 * {@code FormFieldValidationException}) and writes one line for it instead, at INFO under this class's logger, with the
 * refusal's message — what the person was told. Every other failure keeps the engine's ERROR with its stack trace.
 */
final class RefusalLogging extends CommandContextFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RefusalLogging.class);

    @Override
    public CommandContext createCommandContext() {
        return new RefusalAwareCommandContext(processEngineConfiguration);
    }

    /** One line for a refusal; false when {@code failure} is not one (the engine then logs it as it does). */
    static boolean logRefusal(CommandInvocationContext invocation, Throwable failure) {
        Throwable refusal = invocation == null ? null : FormRefusals.refusal(invocation.getCommand(), failure);
        if (refusal == null) {
            return false;
        }
        LOG.info("{} refused ({}): {}", invocation.getCommand().getClass().getSimpleName(),
            refusal instanceof RefusedActor ? "who acts, 403" : "input, 400", refusal.getMessage());
        return true;
    }

    private static final class RefusalAwareCommandContext extends CommandContext {

        RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        /** Called once, while the failed command's context closes (the command's invocation is still current). */
        @Override
        protected boolean shouldLogFine(Throwable failure) {
            return super.shouldLogFine(failure) || logRefusal(Context.getCommandInvocationContext(), failure);
        }
    }
}
