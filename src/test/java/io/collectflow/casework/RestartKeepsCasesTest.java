package io.collectflow.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.CollectFlowApplication;
import io.collectflow.loan.delinquency.DelinquencyScanService;
import io.collectflow.loan.delinquency.LoanBookFixture;
import io.collectflow.loan.delinquency.ScanResult;

/** Two application runs on the same H2 file database: no new definition versions, cases and loans intact. */
class RestartKeepsCasesTest {

    private static final LocalDate DUE = LocalDate.of(2025, 3, 10);

    @TempDir
    Path dataDir;

    @Test
    void secondStartKeepsVersionOneAndTheData() {
        String url = "jdbc:h2:file:" + dataDir.resolve("collectflow").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        ScanResult first;
        String instanceId;
        try (ConfigurableApplicationContext app = start(url)) {
            LoanBookFixture book = new LoanBookFixture(app.getBean(JdbcTemplate.class));
            IntStream.rangeClosed(1, 3).forEach(i -> book.loan("L-" + i, DUE, 12));
            first = app.getBean(DelinquencyScanService.class).scan(DUE.plusDays(5));
            instanceId = app.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey("L-1").singleResult().getId();
        }
        assertThat(first.casesOpened()).isEqualTo(3);

        try (ConfigurableApplicationContext app = start(url)) {
            ProcessDefinition definition = app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(CollectionCase.PROCESS_KEY).singleResult();
            assertThat(definition.getVersion()).isEqualTo(1);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY).count())
                .isEqualTo(3);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("L-1").singleResult().getId())
                .isEqualTo(instanceId);
            LoanBookFixture book = new LoanBookFixture(app.getBean(JdbcTemplate.class));
            assertThat(book.dpd("L-1")).isEqualTo(5);
            assertThat(book.count("SELECT COUNT(*) FROM collection_case WHERE status = 'ACTIVE'")).isEqualTo(3);

            ScanResult again = app.getBean(DelinquencyScanService.class).scan(DUE.plusDays(5));
            assertThat(again.casesOpened() + again.casesUpdated() + again.casesCured()).isZero();
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CollectFlowApplication.class)
            .profiles("test")
            // arguments, not default properties: they must win over the test profile's in-memory URL
            .run("--spring.datasource.url=" + url, "--server.port=0");
    }
}
