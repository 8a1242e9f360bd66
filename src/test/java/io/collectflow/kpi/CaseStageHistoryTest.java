package io.collectflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import io.collectflow.casework.CollectionCase.Stages;
import io.collectflow.casework.stage.CaseProcessTestSupport;

/**
 * The real collection-case.bpmn writes case_stage_history through {@link CaseStagePlugin}: the first
 * stage, a move by the daily scan (DPD 45 → 95) and the cure, each closing the stay before it.
 */
class CaseStageHistoryTest extends CaseProcessTestSupport {

    @Test
    void everyStayOfTheCaseIsRecordedAndClosed() {
        String loanNo = fixtures.loan(45, today());
        ProcessInstance pi = startCase(loanNo, 45);
        assertThat(stays(pi)).extracting(s -> s.get("stage") + "/" + (s.get("left_at") != null))
            .containsExactly(Stages.FIRST_LINE + "/false");

        delinquencyChanged(loanNo, 95);
        assertThat(stays(pi)).extracting(s -> s.get("stage") + "/" + (s.get("left_at") != null))
            .containsExactly(Stages.FIRST_LINE + "/true", Stages.SECOND_LINE + "/false");

        arrearsCleared(loanNo);
        List<Map<String, Object>> stays = stays(pi);
        assertThat(stays).extracting(s -> s.get("stage") + "/" + (s.get("left_at") != null))
            .containsExactly(Stages.FIRST_LINE + "/true", Stages.SECOND_LINE + "/true");
        assertThat(stays).allSatisfy(s -> {
            assertThat(s.get("loan_no")).isEqualTo(loanNo);
            assertThat(s.get("entered_on")).isNotNull();
        });
    }

    private List<Map<String, Object>> stays(ProcessInstance pi) {
        return jdbc.queryForList("SELECT stage, loan_no, entered_on, left_at FROM case_stage_history"
            + " WHERE process_instance_id = ? ORDER BY id", pi.getId()).stream()
            .map(row -> {
                Map<String, Object> lower = new java.util.HashMap<>();
                row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                return lower;
            }).toList();
    }
}
