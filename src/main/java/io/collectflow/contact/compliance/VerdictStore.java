package io.collectflow.contact.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import io.collectflow.contact.Channel;
import io.collectflow.contact.DbTime;
import io.collectflow.contact.Operator;

/** Stores every verdict with its inputs and rule-set version (compliance_verdict, insert only). */
@Repository
public class VerdictStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public VerdictStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long record(ContactSubject subject, Channel channel, Operator operator, Instant at, Verdict verdict) {
        KeyHolder keys = new GeneratedKeyHolder();
        String inputs = verdict.inputs().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; "));
        jdbc.sql("""
                INSERT INTO compliance_verdict (loan_no, borrower_id, channel, operator_id, operator_type, checked_for,
                    borrower_local, region, timezone, verdict, reasons, next_allowed_at, rule_set_version, inputs, recorded_at)
                VALUES (:loanNo, :borrowerId, :channel, :operatorId, :operatorType, :checkedFor, :local, :region, :zone,
                    :verdict, :reasons, :next, :version, :inputs, :recordedAt)
                """)
            .param("loanNo", subject.loanNo())
            .param("borrowerId", subject.borrowerId())
            .param("channel", channel.code())
            .param("operatorId", operator.id())
            .param("operatorType", operator.type().name())
            .param("checkedFor", DbTime.toDb(at))
            .param("local", at.atZone(subject.zone()).toOffsetDateTime().toString())
            .param("region", subject.region())
            .param("zone", subject.zone().getId())
            .param("verdict", verdict.verdictCode())
            .param("reasons", verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(",")))
            .param("next", verdict.nextAllowedAt() == null ? null : verdict.nextAllowedAt().toString())
            .param("version", verdict.ruleSetVersion())
            .param("inputs", inputs.length() > 2000 ? inputs.substring(0, 2000) : inputs)
            .param("recordedAt", DbTime.toDb(clock.instant()))
            .update(keys, "id");
        return keys.getKey().longValue();
    }
}
