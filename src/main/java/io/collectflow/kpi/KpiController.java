package io.collectflow.kpi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.collectflow.loan.LenderCalendar;

/** KPIs (CONTRACT.md "KPIs"), trend, reports, scorecards and drill-down for the managers' dashboard. */
@RestController
@RequestMapping("/api/kpis")
public class KpiController {

    private final KpiSnapshotService snapshots;
    private final KpiReportService reports;
    private final ScorecardService scorecards;
    private final KpiProperties properties;
    private final JdbcClient jdbc;
    private final LenderCalendar calendar;

    public KpiController(KpiSnapshotService snapshots, KpiReportService reports, ScorecardService scorecards,
            KpiProperties properties, JdbcClient jdbc, LenderCalendar calendar) {
        this.snapshots = snapshots;
        this.reports = reports;
        this.scorecards = scorecards;
        this.properties = properties;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The KPIs of {@code asOf} (default today): from its snapshot when one exists, else computed; {@code by} adds one dimension's slices. */
    @GetMapping
    public Kpis kpis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String by) {
        Kpis kpis = snapshots.kpis(asOf == null ? calendar.today() : asOf);
        Kpis answer = kpis.withScorecards(null);
        if (by == null || by.isBlank()) {
            return answer.withSlices(null);
        }
        return answer.withSlices(slicesOf(kpis, dimension(by)));
    }

    /** The slices of one dimension on {@code asOf}: {@code {"asOf", "dimension", "slices": [...]}}. */
    @GetMapping("/slices")
    public Map<String, Object> slices(@RequestParam String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String dimension = dimension(by);
        Kpis kpis = snapshots.kpis(asOf == null ? calendar.today() : asOf);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", kpis.asOf());
        answer.put("dimension", dimension);
        answer.put("source", kpis.source());
        answer.put("slices", slicesOf(kpis, dimension));
        return answer;
    }

    private static String dimension(String by) {
        return KpiCalculator.DIMENSIONS.stream().filter(d -> d.equalsIgnoreCase(by.trim())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(
                "by must be one of " + String.join(", ", KpiCalculator.DIMENSIONS) + ", not '" + by + "'"));
    }

    /** A snapshot written before a dimension existed has no slices of it: an empty list. */
    private static List<Kpis.Slice> slicesOf(Kpis kpis, String dimension) {
        return kpis.slices() == null ? List.of()
            : kpis.slices().stream().filter(s -> s.dimension().equals(dimension)).toList();
    }

    /** Writes (or rewrites) the snapshot of {@code asOf}, default today. */
    @PostMapping("/snapshot")
    public Map<String, Object> snapshot(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        Kpis kpis = snapshots.snapshot(asOf == null ? calendar.today() : asOf);
        return Map.of("asOf", kpis.asOf(), "activeLoans", kpis.activeLoans());
    }

    /** One point per stored snapshot from {@code from} (default 90 days before {@code to}) to {@code to} (default the latest). */
    @GetMapping("/trend")
    public List<KpiSnapshotService.TrendPoint> trend(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : snapshots.latest().orElse(calendar.today());
        LocalDate start = from != null ? from : end.minusDays(90);
        return snapshots.trend(start, end);
    }

    /** The configured targets (SPEC I7). */
    @GetMapping("/targets")
    public KpiProperties.Targets targets() {
        return properties.targets();
    }

    /** Report of the month, quarter or year containing {@code date}, as CSV, a printable HTML page or PDF. */
    @GetMapping("/report")
    public ResponseEntity<?> report(@RequestParam String period,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "html") String format) {
        ReportPeriod p = ReportPeriod.of(period, date);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("collectflow-kpi-" + p.label() + ".csv").build().toString())
                .body(reports.csv(p));
            case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(reports.html(p));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                    .filename("collectflow-kpi-" + p.label() + ".pdf").build().toString())
                .body(reports.pdf(p));
            default -> throw new IllegalArgumentException("format must be csv, html or pdf, not '" + format + "'");
        };
    }

    /**
     * Collector and agency scorecards of the period (default: the month to {@code to}, default today).
     * The default period of a day with a snapshot is served from the snapshot (the dashboard's case).
     */
    @GetMapping("/scorecards")
    public List<ScorecardService.Scorecard> scorecards(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to != null ? to : calendar.today();
        if (from == null) {
            List<ScorecardService.Scorecard> stored = snapshots.find(end).map(Kpis::scorecards).orElse(null);
            if (stored != null) {
                return stored;
            }
        }
        return scorecards.scorecards(from != null ? from : KpiSnapshotService.monthStart(end), end);
    }

    /** Drill-down: the active cases of loans in a bucket (as of the last scan), deepest first, with Cockpit links. */
    @GetMapping("/cases")
    public List<Map<String, Object>> cases(@RequestParam String bucket, @RequestParam(defaultValue = "50") int limit) {
        int rows = Math.max(1, Math.min(limit, 500));
        return jdbc.sql("""
                SELECT l.loan_no, l.product, b.region, l.dpd, l.overdue_amount, c.opened_on, c.process_instance_id
                FROM loan l JOIN borrower b ON b.borrower_id = l.borrower_id
                JOIN collection_case c ON c.loan_no = l.loan_no AND c.status = 'ACTIVE'
                WHERE l.bucket = :bucket ORDER BY l.dpd DESC, l.loan_no LIMIT :rows
                """).param("bucket", bucket).param("rows", rows).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("loanNo", rs.getString("loan_no"));
                    row.put("product", rs.getString("product"));
                    row.put("region", rs.getString("region"));
                    row.put("dpd", rs.getInt("dpd"));
                    row.put("overdueAmount", rs.getBigDecimal("overdue_amount"));
                    row.put("openedOn", rs.getDate("opened_on").toLocalDate());
                    String pi = rs.getString("process_instance_id");
                    row.put("processInstanceId", pi);
                    row.put("cockpitUrl", pi == null ? null : properties.cockpitUrl() + pi);
                    return row;
                }).list();
    }
}
