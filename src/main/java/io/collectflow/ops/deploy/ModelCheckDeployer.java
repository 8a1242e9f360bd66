package io.collectflow.ops.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Refuses a new deployment whose models {@link ModelChecks} finds fault with, naming every problem (REST answers the
 * message; nothing is deployed). Deployments already in the database are not checked again when the engine loads
 * them.
 */
final class ModelCheckDeployer implements Deployer {

    private final ModelChecks checks;

    ModelCheckDeployer(ModelChecks checks) {
        this.checks = checks;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<String> problems = checks.problems(resources);
        if (!problems.isEmpty()) {
            throw new ProcessEngineException("Deployment '" + deployment.getName() + "' refused: "
                + String.join("; ", problems));
        }
    }
}
