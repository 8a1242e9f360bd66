-- Daily KPI snapshots (SPEC I1-I8): written by KpiSnapshotService.snapshot(asOf) after each scan
-- or by the daily job; re-running a day replaces its rows. The dashboard and reports read these.

-- the full KPI document of a day (JSON, the answer of GET /api/kpis?asOf=...)
CREATE TABLE kpi_snapshot (
    as_of          DATE           NOT NULL PRIMARY KEY,
    computed_at    TIMESTAMP      NOT NULL,
    active_loans   BIGINT         NOT NULL,
    outstanding    NUMERIC(19, 2) NOT NULL,
    -- trend figures (the dashboard's charts read these columns, not the document)
    recovery_within_90     NUMERIC(9, 6)  NOT NULL,
    recovery_90_179        NUMERIC(9, 6)  NOT NULL,
    recovery_180_plus      NUMERIC(9, 6)  NOT NULL,
    cure_rate              NUMERIC(9, 6)  NOT NULL,
    cost_per_case          NUMERIC(19, 2) NOT NULL,
    recovered              NUMERIC(19, 2) NOT NULL,
    document       TEXT           NOT NULL
);

-- the overdue rates of the day per slice, one row per threshold: for trend charts and SQL reports
-- slice_type: ALL (slice_value '*'), PRODUCT, REGION
CREATE TABLE kpi_snapshot_overdue (
    as_of          DATE           NOT NULL REFERENCES kpi_snapshot (as_of) ON DELETE CASCADE,
    slice_type     VARCHAR(16)    NOT NULL,
    slice_value    VARCHAR(64)    NOT NULL,
    dpd_threshold  INTEGER        NOT NULL,
    active_loans   BIGINT         NOT NULL,
    outstanding    NUMERIC(19, 2) NOT NULL,
    overdue_loans  BIGINT         NOT NULL,
    overdue_balance NUMERIC(19, 2) NOT NULL,
    rate_by_count  NUMERIC(9, 6)  NOT NULL,
    rate_by_balance NUMERIC(9, 6) NOT NULL,
    PRIMARY KEY (as_of, slice_type, slice_value, dpd_threshold)
);
