package io.collectflow.security.pii;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps raw contact data out of the engine's history (F6): a variable that can carry a phone number, an e-mail
 * address or a postal address — the hotline start form's {@code complainantPhone}/{@code complainantEmail},
 * and the {@code phone}/{@code email}/{@code address} older case versions held — may live in a running
 * instance for the one transaction that stores it encrypted, but none of its create, update or delete
 * events reaches ACT_HI_VARINST or ACT_HI_DETAIL. Wraps whatever history event handler the engine built, so
 * every other history event is written as before. {@code collectflow.security.pii.history-filter=false} turns it off
 * (only to reproduce the history older versions wrote).
 */
@Component
public class PiiHistoryFilterPlugin extends AbstractProcessEnginePlugin {

    /** Process variable names that hold raw contact data. */
    public static final Set<String> RAW_PII_VARIABLES = Set.of("complainantPhone", "complainantEmail", "phone", "email",
        "address");

    private final boolean enabled;

    public PiiHistoryFilterPlugin(@Value("${collectflow.security.pii.history-filter:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (enabled) {
            configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
        }
    }

    static boolean holdsRawPii(HistoryEvent event) {
        return event instanceof HistoricVariableUpdateEventEntity variable
            && RAW_PII_VARIABLES.contains(variable.getVariableName());
    }

    private record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!holdsRawPii(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(e -> !holdsRawPii(e)).toList());
        }
    }
}
