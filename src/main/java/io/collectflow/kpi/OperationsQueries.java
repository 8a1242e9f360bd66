package io.collectflow.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flows and costs of a period (both ends inclusive): cases, money recovered under collection,
 * staff and channel cost, complaints, time to first action / effective contact, promises kept and
 * right-party contacts.
 */
public class OperationsQueries {

    private static final List<String> PERSONAL_CHANNELS = List.of("call", "voice", "visit");

    private final JdbcClient jdbc;
    private final SchemaProbe schema;
    private final StaffTime staffTime;
    private final ComplaintCounter complaints;
    private final AgencyFees agencyFees;
    private final KpiProperties properties;

    public OperationsQueries(JdbcClient jdbc, SchemaProbe schema, StaffTime staffTime, ComplaintCounter complaints,
            AgencyFees agencyFees, KpiProperties properties) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.staffTime = staffTime;
        this.complaints = complaints;
        this.agencyFees = agencyFees;
        this.properties = properties;
    }

    public Kpis.Operations period(LocalDate from, LocalDate to) {
        long active = count("SELECT COUNT(*) FROM collection_case WHERE opened_on <= :to"
            + " AND (closed_on IS NULL OR closed_on >= :from)", from, to);
        long opened = count("SELECT COUNT(*) FROM collection_case WHERE opened_on >= :from AND opened_on <= :to", from, to);
        BigDecimal recovered = jdbc.sql("""
                SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocation a
                WHERE a.paid_on >= :from AND a.paid_on <= :to AND EXISTS (SELECT 1 FROM collection_case c
                    WHERE c.loan_no = a.loan_no AND c.opened_on <= a.paid_on AND (c.closed_on IS NULL OR c.closed_on >= a.paid_on))
                """).param("from", from).param("to", to).query(BigDecimal.class).single();

        BigDecimal hours = staffTime.hoursByAssignee(from, to).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal staffCost = money(hours.multiply(properties.hourlyCost()));
        Map<String, Long> contacts = contactsByChannel(from, to);
        BigDecimal channelCost = money(contacts.entrySet().stream()
            .map(e -> properties.channelCosts().getOrDefault(e.getKey(), BigDecimal.ZERO).multiply(BigDecimal.valueOf(e.getValue())))
            .reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal fees = money(agencyFees.feesBetween(from, to));
        BigDecimal total = staffCost.add(channelCost).add(fees);
        long complaintCount = complaints.complaintsBetween(from, to);

        return new Kpis.Operations(from, to, active, opened, money(recovered), hours.setScale(2, RoundingMode.HALF_UP),
            staffCost, contacts, channelCost, fees, total,
            money(Kpis.ratio(total, BigDecimal.valueOf(active))), Kpis.ratio(total, recovered),
            complaintCount, Kpis.ratio(BigDecimal.valueOf(complaintCount * 1000), BigDecimal.valueOf(active)),
            daysToFirstContact(from, to, null), daysToFirstContact(from, to, properties.rightPartyResults()),
            promiseKeptRate(from, to), rightPartyRate(from, to));
    }

    private long count(String sql, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("from", from).param("to", to).query(Long.class).single();
    }

    Map<String, Long> contactsByChannel(LocalDate from, LocalDate to) {
        Map<String, Long> contacts = new TreeMap<>();
        jdbc.sql("SELECT channel, COUNT(*) AS n FROM contact_log WHERE occurred_at >= :from AND occurred_at < :to"
                + " GROUP BY channel")
            .param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
            .query(rs -> {
                contacts.put(rs.getString("channel"), rs.getLong("n"));
            });
        return contacts;
    }

    /**
     * Average days from a case's opening to its first contact (any result, or one of {@code results}),
     * over the cases opened in the period that had one; null when none had.
     */
    private BigDecimal daysToFirstContact(LocalDate from, LocalDate to, List<String> results) {
        String filter = results == null ? "" : " AND k.result IN (:results)";
        var query = jdbc.sql("SELECT c.opened_on, MIN(k.occurred_at) AS first_at FROM collection_case c"
                + " JOIN contact_log k ON k.loan_no = c.loan_no AND k.occurred_at >= :openedFloor" + filter
                + " AND k.occurred_at >= c.opened_on"
                + " WHERE c.opened_on >= :from AND c.opened_on <= :to GROUP BY c.id, c.opened_on")
            .param("from", from).param("to", to).param("openedFloor", from.atStartOfDay());
        if (results != null) {
            query = query.param("results", results);
        }
        List<Long> days = query.query((rs, n) -> ChronoUnit.DAYS.between(rs.getDate("opened_on").toLocalDate(),
            rs.getTimestamp("first_at").toLocalDateTime().toLocalDate())).list();
        if (days.isEmpty()) {
            return null;
        }
        return Kpis.ratio(BigDecimal.valueOf(days.stream().mapToLong(Long::longValue).sum()), BigDecimal.valueOf(days.size()))
            .setScale(2, RoundingMode.HALF_UP);
    }

    /** KEPT ÷ (KEPT + BROKEN) of the promises due in the period, when the casework's promise table exists. */
    private BigDecimal promiseKeptRate(LocalDate from, LocalDate to) {
        if (!schema.hasColumn("promise_to_pay", "promise_date")) {
            return null;
        }
        long kept = count("SELECT COUNT(*) FROM promise_to_pay WHERE status = 'KEPT'"
            + " AND promise_date >= :from AND promise_date <= :to", from, to);
        long decided = count("SELECT COUNT(*) FROM promise_to_pay WHERE status IN ('KEPT', 'BROKEN')"
            + " AND promise_date >= :from AND promise_date <= :to", from, to);
        return decided == 0 ? null : Kpis.ratio(kept, decided);
    }

    /** Calls, IVR calls and visits in the period that reached the borrower ÷ all of them. */
    private BigDecimal rightPartyRate(LocalDate from, LocalDate to) {
        String where = " FROM contact_log WHERE occurred_at >= :from AND occurred_at < :to AND channel IN (:channels)";
        long all = jdbc.sql("SELECT COUNT(*)" + where).param("from", from.atStartOfDay())
            .param("to", to.plusDays(1).atStartOfDay()).param("channels", PERSONAL_CHANNELS).query(Long.class).single();
        long reached = jdbc.sql("SELECT COUNT(*)" + where + " AND result IN (:results)").param("from", from.atStartOfDay())
            .param("to", to.plusDays(1).atStartOfDay()).param("channels", PERSONAL_CHANNELS)
            .param("results", properties.rightPartyResults()).query(Long.class).single();
        return all == 0 ? null : Kpis.ratio(reached, all);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
