package io.collectflow.contact.compliance;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.collectflow.contact.Channel;
import io.collectflow.contact.DbTime;
import io.collectflow.contact.Operator;

/** Stores every verdict with its inputs and rule-set version (compliance_verdict, insert only). */
@Repository
public class VerdictStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public VerdictStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores the verdict in its own transaction: a verdict given stays on record even if the caller rolls back. */
    public long record(ContactSubject subject, Channel channel, Operator operator, Instant at, Verdict verdict) {
        return ownTransaction.execute(tx -> insert(subject, channel, operator, at, verdict));
    }

    private long insert(ContactSubject subject, Channel channel, Operator operator, Instant at, Verdict verdict) {
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
