package io.collectflow.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine refuses a broken redeployment as a whole (nothing deployed), and deploys a sound one. */
@SpringBootTest
@ActiveProfiles("test")
class ModelCheckDeploymentTest {

    @Autowired
    RepositoryService repository;

    private long versions(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    @Test
    void aProcessWithoutItsFormsIsRefusedAndNothingIsDeployed() throws Exception {
        long before = versions("collection-case");
        byte[] bpmn = Files.readAllBytes(Path.of("processes/collection-case.bpmn"));

        assertThatThrownBy(() -> repository.createDeployment().name("owner change")
                .addInputStream("collection-case.bpmn", new ByteArrayInputStream(bpmn)).deploy())
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining("Deployment 'owner change' refused")
            .hasMessageContaining("'call-borrower'");
        assertThat(versions("collection-case")).isEqualTo(before);

        var deployment = repository.createDeployment().name("owner change with forms")
            .addInputStream("collection-case.bpmn", new ByteArrayInputStream(bpmn))
            .addInputStream("call-borrower.form", Files.newInputStream(Path.of("forms/call-borrower.form")))
            .addInputStream("visit-borrower.form", Files.newInputStream(Path.of("forms/visit-borrower.form")))
            .deploy();
        try {
            assertThat(versions("collection-case")).isEqualTo(before + 1);
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
