package io.collectflow.ops.taskcount;

import java.time.Duration;
import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installs the {@link FilterCountCache} in front of the engine's commands (before the transaction: a cached count
 * costs no database round trip). {@code collectflow.task-query.count-cache} is how old a filter count may be;
 * {@code 0s} turns the cache off.
 */
@Component
class FilterCountCachePlugin extends AbstractProcessEnginePlugin {

    private final Duration ttl;

    FilterCountCachePlugin(@Value("${collectflow.task-query.count-cache:10s}") Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new FilterCountCache(ttl, System::nanoTime,
            () -> configuration.getIdentityService().getCurrentAuthentication()));
    }
}
