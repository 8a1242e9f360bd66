package io.collectflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartupTest {

    @Autowired
    RepositoryService repositoryService;

    @Test
    void deploysTheCollectionCaseAndItsForms() {
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("collection-case").count())
            .isEqualTo(1);
        String deploymentId = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey("collection-case").singleResult().getDeploymentId();
        assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
            .anyMatch(name -> name.endsWith("call-borrower.form"));
    }
}
