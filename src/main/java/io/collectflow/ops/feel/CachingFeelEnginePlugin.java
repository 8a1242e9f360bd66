package io.collectflow.ops.feel;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the {@link CachingFeelEngine} (parsed FEEL reused across evaluations).
 * Everything else of the DMN engine stays as the process engine builds it (history producer, script
 * engines). Not installed when FEEL legacy behaviour or custom FEEL functions are configured (Camunda's
 * factory handles those). {@code collectflow.ops.feel-cache=false} keeps Camunda's own FEEL engine.
 */
@Component
public class CachingFeelEnginePlugin extends AbstractProcessEnginePlugin {

    private final boolean enabled;

    public CachingFeelEnginePlugin(@Value("${collectflow.ops.feel-cache:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled || configuration.isDmnFeelEnableLegacyBehavior()
            || !(configuration.getDmnFeelCustomFunctionProviders() == null
                || configuration.getDmnFeelCustomFunctionProviders().isEmpty())) {
            return;
        }
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        if (dmn.getFeelEngineFactory() == null) {
            dmn.setFeelEngineFactory(CachingFeelEngine::new);
        }
        configuration.setDmnEngineConfiguration(dmn);
    }
}
