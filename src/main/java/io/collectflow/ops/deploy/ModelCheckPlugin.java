package io.collectflow.ops.deploy;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Installs {@link ModelCheckDeployer} before the engine's own deployers, for every deployment (start-up, REST). */
@Component
public class ModelCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(new ModelCheckDeployer(new ModelChecks(ModelContract.collectFlow(), new FeelSyntax())));
        configuration.setCustomPreDeployers(deployers);
    }
}
