package io.collectflow.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

import io.collectflow.loan.LenderCalendar;

/**
 * Monthly, quarterly and yearly reports (SPEC I8) as CSV, as a printable HTML page and as PDF. Figures at
 * the period's end come from its snapshot when there is one (else computed live); the month-end
 * trend lines likewise; flows (cases, recovery, cost, complaints) cover the whole period.
 */
public class KpiReportService {

    /** One line of the report: section, metric, key, value, target, status. */
    public record Line(String section, String metric, String key, String value, String target, String status) {
    }

    private final KpiSnapshotService snapshots;
    private final OperationsQueries operations;
    private final LenderCalendar calendar;

    public KpiReportService(KpiSnapshotService snapshots, OperationsQueries operations, LenderCalendar calendar) {
        this.snapshots = snapshots;
        this.operations = operations;
        this.calendar = calendar;
    }

    public List<Line> lines(ReportPeriod period) {
        List<Line> lines = new ArrayList<>();
        Kpis end = snapshots.kpis(period.end());
        lines.add(new Line("portfolio", "activeLoans", "", String.valueOf(end.activeLoans()), "", ""));
        lines.add(new Line("portfolio", "outstandingPrincipal", "", plain(end.outstandingPrincipal()), "", ""));
        end.overdueRates().forEach((k, r) -> {
            lines.add(new Line("overdue", "overdueRateByCount", k, plain(r.byCount()), "", ""));
            lines.add(new Line("overdue", "overdueRateByBalance", k, plain(r.byBalance()), "", ""));
        });
        for (Kpis.TargetStatus t : end.targets()) {
            lines.add(new Line("targets", t.kpi(), t.comparison(), plain(t.actual()), plain(t.target()), t.status()));
        }
        end.recoveryRates().forEach((band, r) ->
            lines.add(new Line("recovery", "recoveryRate", band, plain(r.rate()), "", "")));
        if (end.recoveryByRiskGrade() != null) {
            end.recoveryByRiskGrade().forEach((grade, bands) -> bands.forEach((band, r) ->
                lines.add(new Line("recovery", "recoveryRateByRiskGrade", grade + " " + band, plain(r.rate()), "", ""))));
        }
        if (end.recoveryByStage() != null) {
            end.recoveryByStage().forEach((stage, r) ->
                lines.add(new Line("recovery", "recoveryRateByStage", stage, plain(r.rate()), "", "")));
        }
        lines.add(new Line("cure", "cureRate", "month to " + end.asOf(), plain(end.cure().cureRate()), "", ""));
        lines.add(new Line("cure", "cureWithin90Days", "", plain(end.cure().cureWithin90Days()), "", ""));
        for (LocalDate monthEnd : period.monthEnds()) {
            Kpis point = monthEnd.equals(period.end()) ? end : snapshots.kpis(monthEnd);
            Kpis.OverdueRate r30 = point.overdueRates().get("30");
            lines.add(new Line("trend", "overdueRateByCount", "30@" + monthEnd, plain(r30.byCount()), "", ""));
        }
        Kpis.Operations ops = operations.period(period.start(), period.end());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("casesActive", String.valueOf(ops.casesActive()));
        figures.put("casesOpened", String.valueOf(ops.casesOpened()));
        figures.put("recovered", plain(ops.recovered()));
        figures.put("staffHours", plain(ops.staffHours()));
        figures.put("staffCost", plain(ops.staffCost()));
        figures.put("channelCost", plain(ops.channelCost()));
        figures.put("agencyFees", plain(ops.agencyFees()));
        figures.put("totalCost", plain(ops.totalCost()));
        figures.put("costPerCase", plain(ops.costPerCase()));
        figures.put("costPerUnitRecovered", plain(ops.costPerUnitRecovered()));
        figures.put("complaints", String.valueOf(ops.complaints()));
        figures.put("complaintRatePer1000Cases", plain(ops.complaintRatePer1000Cases()));
        figures.put("avgDaysToFirstAction", plain(ops.avgDaysToFirstAction()));
        figures.put("avgDaysToFirstEffectiveContact", plain(ops.avgDaysToFirstEffectiveContact()));
        figures.put("promiseKeptRate", plain(ops.promiseKeptRate()));
        figures.put("rightPartyContactRate", plain(ops.rightPartyContactRate()));
        figures.forEach((metric, value) -> lines.add(new Line("operations", metric, "", value, "", "")));
        ops.contactsByChannel().forEach((channel, n) ->
            lines.add(new Line("operations", "contacts", channel, String.valueOf(n), "", "")));
        return lines;
    }

    public String csv(ReportPeriod period) {
        StringBuilder out = new StringBuilder("period,from,to,section,metric,key,value,target,status\n");
        for (Line l : lines(period)) {
            out.append(String.join(",", csvCell(period.label()), period.start().toString(), period.end().toString(),
                csvCell(l.section()), csvCell(l.metric()), csvCell(l.key()), csvCell(l.value()), csvCell(l.target()),
                csvCell(l.status()))).append('\n');
        }
        return out.toString();
    }

    public String html(ReportPeriod period) {
        StringBuilder out = new StringBuilder("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CollectFlow KPI report %s</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%%}
            td,th{border:1px solid #999;padding:4px 8px;text-align:left}td.num{text-align:right}
            .MET{color:#0a7d20;font-weight:bold}.MISSED{color:#b00020;font-weight:bold}
            @media print{button{display:none}}</style></head><body>
            <h1>CollectFlow KPI report %s</h1><p>Period %s to %s.
            <button onclick="window.print()">Print</button></p><table>
            <tr><th>Section</th><th>Metric</th><th>Key</th><th>Value</th><th>Target</th><th>Status</th></tr>
            """.formatted(period.label(), period.label(), period.start(), period.end()));
        for (Line l : lines(period)) {
            out.append("<tr><td>").append(esc(l.section())).append("</td><td>").append(esc(l.metric()))
                .append("</td><td>").append(esc(l.key())).append("</td><td class=\"num\">").append(esc(l.value()))
                .append("</td><td class=\"num\">").append(esc(l.target())).append("</td><td class=\"")
                .append(esc(l.status())).append("\">").append(esc(l.status())).append("</td></tr>\n");
        }
        return out.append("</table></body></html>\n").toString();
    }

    /** The same lines as an A4 PDF. */
    public byte[] pdf(ReportPeriod period) {
        return KpiReportPdf.render(period, lines(period), calendar.localTime());
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }

    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

}
