package io.collectflow.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Delinquency buckets as the scan names them (CONTRACT.md "Delinquency"), from the configured
 * lower bounds {@code collectflow.delinquency.bucket-bounds} (default 1, 30, 60, 90, 180, 360).
 * Builds the SQL CASE that turns "due date of the oldest unpaid installment" into a bucket
 * without date arithmetic in SQL: DPD ≥ k on day D ⇔ that due date ≤ D − k.
 */
public final class Buckets {

    /** the contract's overdue-rate keys */
    public static final List<Integer> THRESHOLDS = List.of(30, 60, 90, 180, 360);
    public static final String CURRENT = "CURRENT";

    private final List<Integer> bounds;
    private final List<String> names = new ArrayList<>();

    public Buckets(List<Integer> bounds) {
        this.bounds = List.copyOf(bounds);
        names.add(CURRENT);
        for (int i = 0; i < bounds.size(); i++) {
            names.add(i + 1 < bounds.size()
                ? "DPD_" + bounds.get(i) + "_" + (bounds.get(i + 1) - 1)
                : "DPD_" + bounds.get(i) + "_PLUS");
        }
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** SQL CASE over the column {@code dueColumn}; the parameters are {@code :<prefix>b<i>} (see {@link #bind}). */
    String caseSql(String dueColumn, String prefix) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(dueColumn).append(" IS NULL THEN '").append(CURRENT)
            .append("'");
        for (int i = bounds.size() - 1; i >= 0; i--) {
            sql.append(" WHEN ").append(dueColumn).append(" <= :").append(prefix).append('b').append(i)
                .append(" THEN '").append(names.get(i + 1)).append("'");
        }
        return sql.append(" ELSE '").append(CURRENT).append("' END").toString();
    }

    /** Cut-off dates for {@link #caseSql}: bound k on day D → D − k. */
    void bind(java.util.Map<String, Object> params, String prefix, LocalDate day) {
        for (int i = 0; i < bounds.size(); i++) {
            params.put(prefix + "b" + i, day.minusDays(bounds.get(i)));
        }
    }
}
