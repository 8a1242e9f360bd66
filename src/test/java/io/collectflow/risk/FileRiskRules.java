package io.collectflow.risk;

import java.util.HashMap;
import java.util.Map;

/** {@link RiskRules} on the DMN files themselves, for tests without the engine. */
public final class FileRiskRules implements RiskRules {

    private final DmnFile grade = new DmnFile(RISK_GRADE_DECISION);
    private final DmnFile reason = new DmnFile(OVERDUE_REASON_DECISION);

    @Override
    public String grade(int score, boolean malicious) {
        return (String) grade.evaluate(Map.of("score", score, "malicious", malicious)).get("riskGrade");
    }

    @Override
    public Classification classify(String reportedReason, int notKeptPromises, int refusals) {
        Map<String, Object> in = new HashMap<>();
        in.put("reportedReason", reportedReason);
        in.put("notKeptPromises", notKeptPromises);
        in.put("refusals", refusals);
        DmnFile.Result r = reason.evaluate(in);
        return new Classification((String) r.get("overdueReason"), (Boolean) r.get("malicious"));
    }
}
