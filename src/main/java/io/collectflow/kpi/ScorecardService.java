package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Collector and agency scorecards (SPEC H3) for a period: work done (completed tasks and their
 * hours from the engine's history), contacts and right-party contacts (contact_log), compliance
 * (attempts the guard blocked, compliance_verdict; accountability records when the complaint
 * feature's table exists), complaints naming the collector or agency (complaint table, when
 * present), money recovered on loans the subject contacted (paid on or after its first contact in
 * the period) and cost (hours × hourly cost + channel cost of its contacts).
 */
public class ScorecardService {

    /** One collector's or agency's figures; {@code type} COLLECTOR, AGENCY, SYSTEM or TASKLIST. */
    public record Scorecard(String subject, String type, long tasksCompleted, BigDecimal hours, long contacts,
            long rightPartyContacts, BigDecimal rightPartyRate, long blockedAttempts, BigDecimal recovered,
            BigDecimal cost, BigDecimal costPerUnitRecovered, long complaints, long accountabilityRecords) {
    }

    private final JdbcClient jdbc;
    private final SchemaProbe schema;
    private final StaffTime staffTime;
    private final KpiProperties properties;

    public ScorecardService(JdbcClient jdbc, SchemaProbe schema, StaffTime staffTime, KpiProperties properties) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.staffTime = staffTime;
        this.properties = properties;
    }

    public List<Scorecard> scorecards(LocalDate from, LocalDate to) {
        Map<String, Builder> cards = new TreeMap<>();
        var start = from.atStartOfDay();
        var endExclusive = to.plusDays(1).atStartOfDay();
        jdbc.sql("""
                SELECT operator_id, operator_type, channel, COUNT(*) AS n,
                    SUM(CASE WHEN result IN (:rpc) THEN 1 ELSE 0 END) AS reached
                FROM contact_log WHERE occurred_at >= :from AND occurred_at < :to
                GROUP BY operator_id, operator_type, channel
                """).param("rpc", properties.rightPartyResults()).param("from", start).param("to", endExclusive)
            .query(rs -> {
                Builder b = card(cards, rs.getString("operator_id"), rs.getString("operator_type"));
                long n = rs.getLong("n");
                b.contacts += n;
                b.reached += rs.getLong("reached");
                b.cost = b.cost.add(properties.channelCosts().getOrDefault(rs.getString("channel"), BigDecimal.ZERO)
                    .multiply(BigDecimal.valueOf(n)));
            });
        jdbc.sql("""
                SELECT operator_id, operator_type, COUNT(*) AS n FROM compliance_verdict
                WHERE verdict = 'BLOCKED' AND checked_for >= :from AND checked_for < :to GROUP BY operator_id, operator_type
                """).param("from", start).param("to", endExclusive)
            .query(rs -> {
                card(cards, rs.getString("operator_id"), rs.getString("operator_type")).blocked += rs.getLong("n");
            });
        jdbc.sql("""
                SELECT k.operator_id, k.operator_type, SUM(a.amount) AS recovered
                FROM (SELECT operator_id, operator_type, loan_no, MIN(occurred_at) AS first_at FROM contact_log
                      WHERE occurred_at >= :from AND occurred_at < :to AND loan_no IS NOT NULL
                      GROUP BY operator_id, operator_type, loan_no) k
                JOIN payment_allocation a ON a.loan_no = k.loan_no AND a.paid_on >= CAST(k.first_at AS DATE)
                    AND a.paid_on <= :toDay
                GROUP BY k.operator_id, k.operator_type
                """).param("from", start).param("to", endExclusive).param("toDay", to)
            .query(rs -> {
                card(cards, rs.getString("operator_id"), rs.getString("operator_type")).recovered = rs.getBigDecimal("recovered");
            });
        Map<String, BigDecimal> hours = staffTime.hoursByAssignee(from, to);
        staffTime.tasksByAssignee(from, to).forEach((assignee, n) -> {
            Builder b = card(cards, assignee.isEmpty() ? "(unassigned)" : assignee, "COLLECTOR");
            b.tasks += n;
            b.hours = b.hours.add(hours.getOrDefault(assignee, BigDecimal.ZERO));
            b.cost = b.cost.add(hours.getOrDefault(assignee, BigDecimal.ZERO).multiply(properties.hourlyCost()));
        });
        countBySubject("complaint", "collector_id", "received_at", start, endExclusive, cards, true);
        countBySubject("complaint", "agency_id", "received_at", start, endExclusive, cards, true);
        countBySubject("accountability_record", "subject_id", "recorded_at", start, endExclusive, cards, false);
        List<Scorecard> result = new ArrayList<>();
        cards.values().forEach(b -> result.add(b.build()));
        return result;
    }

    private void countBySubject(String table, String column, String timeColumn, Object from, Object to,
            Map<String, Builder> cards, boolean complaints) {
        if (!schema.hasColumn(table, column)) {
            return;
        }
        jdbc.sql("SELECT " + column + " AS subject, COUNT(*) AS n FROM " + table + " WHERE " + column + " IS NOT NULL AND "
                + timeColumn + " >= :from AND " + timeColumn + " < :to GROUP BY " + column)
            .param("from", from).param("to", to)
            .query(rs -> {
                Builder b = card(cards, rs.getString("subject"), column.startsWith("agency") ? "AGENCY" : "COLLECTOR");
                if (complaints) {
                    b.complaints += rs.getLong("n");
                } else {
                    b.accountability += rs.getLong("n");
                }
            });
    }

    private static Builder card(Map<String, Builder> cards, String subject, String type) {
        return cards.computeIfAbsent(subject, s -> new Builder(s, type));
    }

    private static final class Builder {
        final String subject;
        final String type;
        long tasks;
        BigDecimal hours = BigDecimal.ZERO;
        long contacts;
        long reached;
        long blocked;
        BigDecimal recovered = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        long complaints;
        long accountability;

        Builder(String subject, String type) {
            this.subject = subject;
            this.type = type;
        }

        Scorecard build() {
            BigDecimal money = OperationsQueries.money(cost);
            return new Scorecard(subject, type, tasks, hours.setScale(2, java.math.RoundingMode.HALF_UP), contacts, reached,
                Kpis.ratio(reached, contacts), blocked, OperationsQueries.money(recovered), money,
                Kpis.ratio(money, recovered), complaints, accountability);
        }
    }
}
