package io.collectflow.kpi;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts the {@code complaint} table (complaint feature, V50) when it exists; 0 without it. */
public class TableComplaintCounter implements ComplaintCounter {

    private final JdbcClient jdbc;
    private final SchemaProbe schema;

    public TableComplaintCounter(JdbcClient jdbc, SchemaProbe schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    @Override
    public long complaintsBetween(LocalDate from, LocalDate to) {
        if (!schema.hasColumn("complaint", "received_at")) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM complaint WHERE received_at >= :from AND received_at < :to")
            .param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
            .query(Long.class).single();
    }
}
