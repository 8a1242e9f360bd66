package io.collectflow.kpi;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes {@code case_stage_history} (V140): a case entered a stage, or left the one it was in. A case
 * is in one stage at a time, so entering closes a stay left open (e.g. by a cancelled instance).
 */
public class CaseStageRecorder {

    private final JdbcClient jdbc;

    public CaseStageRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void entered(String processInstanceId, String loanNo, String stage, LocalDateTime at) {
        left(processInstanceId, at);
        jdbc.sql("""
                INSERT INTO case_stage_history (process_instance_id, loan_no, stage, entered_at, entered_on)
                VALUES (:pi, :loanNo, :stage, :at, :on)
                """).param("pi", processInstanceId).param("loanNo", loanNo).param("stage", stage).param("at", at)
            .param("on", at.toLocalDate()).update();
    }

    public void left(String processInstanceId, LocalDateTime at) {
        jdbc.sql("""
                UPDATE case_stage_history SET left_at = :at, left_on = :on
                WHERE process_instance_id = :pi AND left_at IS NULL
                """).param("pi", processInstanceId).param("at", at).param("on", at.toLocalDate()).update();
    }
}
