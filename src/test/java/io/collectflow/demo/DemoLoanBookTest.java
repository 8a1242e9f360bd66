package io.collectflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.collectflow.casework.CollectionCase;

/** The demo profile's first start fills the book across every bucket and opens one case per delinquent loan. */
@SpringBootTest(properties = {"collectflow.demo.enabled=true", "collectflow.demo.loans=120",
    "collectflow.kpi.snapshot-after-scan=true"})
@ActiveProfiles("test")
class DemoLoanBookTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired DemoLoanBook demoLoanBook;

    @Test
    void firstStartSeedsEveryBucketAndOpensOneCasePerDelinquentLoan() {
        assertThat(count("SELECT COUNT(*) FROM loan")).isEqualTo(120);
        Map<String, Integer> byBucket = jdbc.queryForList("SELECT bucket, COUNT(*) AS n FROM loan GROUP BY bucket")
            .stream().collect(Collectors.toMap(r -> (String) r.get("BUCKET"), r -> ((Number) r.get("N")).intValue()));
        assertThat(byBucket.keySet()).containsExactlyInAnyOrder("CURRENT", "DPD_1_29", "DPD_30_59", "DPD_60_89",
            "DPD_90_179", "DPD_180_359", "DPD_360_PLUS");

        long delinquent = count("SELECT COUNT(*) FROM loan WHERE dpd > 0");
        assertThat(count("SELECT COUNT(*) FROM collection_case WHERE status = 'ACTIVE'")).isEqualTo(delinquent);
        assertThat(runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(CollectionCase.PROCESS_KEY).active().count()).isEqualTo(delinquent);
        // every active case is one process instance whose business key is its loan
        List<String> keys = runtimeService.createProcessInstanceQuery().processDefinitionKey(CollectionCase.PROCESS_KEY)
            .list().stream().map(pi -> pi.getBusinessKey()).toList();
        assertThat(keys).doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT loan_no FROM loan WHERE dpd > 0", String.class));
        // payment histories were posted: every loan that paid installments has allocations
        assertThat(count("SELECT COUNT(*) FROM payment")).isGreaterThan(100);
        // the scan's KPI snapshot is there for the dashboard at once
        assertThat(count("SELECT COUNT(*) FROM kpi_snapshot")).isEqualTo(1);
    }

    @Test
    void aRestartDoesNotSeedAgain() {
        long payments = count("SELECT COUNT(*) FROM payment");
        demoLoanBook.seedOnFirstStart();
        assertThat(count("SELECT COUNT(*) FROM loan")).isEqualTo(120);
        assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(payments);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
