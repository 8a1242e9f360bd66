package io.collectflow.simulation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.springframework.web.util.HtmlUtils;

/**
 * The result files of a simulation under {@code target/simulation/}: {@code days.csv} (the daily series of
 * every strategy), {@code kpis.csv} (the last day's KPIs side by side, with the I7 targets) and
 * {@code report.html} (self-contained: inline SVG charts and the KPI table, no scripts or downloads); and the
 * KPI table on the console.
 */
final class SimulationReport {

    private static final String[] COLOURS = {"#1f5fbf", "#e07b00"};

    private final List<SimulationResult> results;
    private final Replications replications;

    SimulationReport(List<SimulationResult> results) {
        this(results, null);
    }

    /** The results of the first portfolio, and (if not null) the comparison over several, in the HTML report. */
    SimulationReport(List<SimulationResult> results, Replications replications) {
        this.results = List.copyOf(results);
        this.replications = replications;
    }

    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path days = dir.resolve("days.csv");
        Path kpis = dir.resolve("kpis.csv");
        Path html = dir.resolve("report.html");
        Files.writeString(days, daysCsv(), StandardCharsets.UTF_8);
        Files.writeString(kpis, kpisCsv(), StandardCharsets.UTF_8);
        Files.writeString(html, html(), StandardCharsets.UTF_8);
        return List.of(days, kpis, html);
    }

    String daysCsv() {
        StringBuilder out = new StringBuilder("strategy,day,active_loans,overdue_1,overdue_30,overdue_60,overdue_90,"
            + "overdue_rate_30,open_cases,cases_opened,cases_cured,tasks_completed,contacts,refused_by_guard,paid,"
            + "open_tasks,tasks_past_due\n");
        for (SimulationResult r : results) {
            for (DayPoint p : r.days()) {
                out.append(String.join(",", r.strategy(), p.day().toString(), n(p.activeLoans()), n(p.overdue1()),
                    n(p.overdue30()), n(p.overdue60()), n(p.overdue90()), String.format(Locale.ROOT, "%.6f", p.rate(30)),
                    n(p.openCases()), n(p.casesOpened()), n(p.casesCured()), n(p.tasksCompleted()), n(p.contacts()),
                    n(p.blockedByGuard()), p.paid().toPlainString(), n(p.openTasks()), n(p.tasksPastDue())))
                    .append('\n');
            }
        }
        return out.toString();
    }

    String kpisCsv() {
        StringBuilder out = new StringBuilder("section,metric,key");
        results.forEach(r -> out.append(',').append(r.strategy()).append(',').append(r.strategy()).append("_status"));
        out.append(",target\n");
        for (Row row : rows()) {
            out.append(csv(row.section)).append(',').append(csv(row.metric)).append(',').append(csv(row.key));
            for (KpiLines.Line l : row.values) {
                out.append(',').append(l == null ? "" : csv(l.value())).append(',').append(l == null ? "" : l.status());
            }
            out.append(',').append(csv(row.target)).append('\n');
        }
        return out.toString();
    }

    void print(PrintStream out) {
        out.printf("%-4s %-32s %-26s", "id", "metric", "key");
        results.forEach(r -> out.printf(" %18s", r.strategy().length() > 18 ? r.strategy().substring(0, 18) : r.strategy()));
        out.printf(" %10s%n", "target");
        for (Row row : rows()) {
            out.printf("%-4s %-32s %-26s", row.section, row.metric, row.key.length() > 26 ? row.key.substring(0, 26) : row.key);
            for (KpiLines.Line l : row.values) {
                String v = l == null ? "" : l.value() + (l.status().isEmpty() ? "" : " " + l.status());
                out.printf(" %18s", v);
            }
            out.printf(" %10s%n", row.target);
        }
    }

    private record Row(String section, String metric, String key, String target, List<KpiLines.Line> values) {
    }

    /** The lines of every strategy aligned by (section, metric, key), in first-seen order. */
    private List<Row> rows() {
        Map<String, KpiLines.Line[]> byId = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            for (KpiLines.Line l : KpiLines.of(results.get(i))) {
                byId.computeIfAbsent(l.id(), id -> new KpiLines.Line[results.size()])[i] = l;
            }
        }
        List<Row> rows = new ArrayList<>();
        byId.values().forEach(lines -> {
            KpiLines.Line first = java.util.Arrays.stream(lines).filter(l -> l != null).findFirst().orElseThrow();
            rows.add(new Row(first.section(), first.metric(), first.key(), first.target(), java.util.Arrays.asList(lines)));
        });
        return rows;
    }

    String html() {
        SimulationSettings s = results.get(0).settings();
        StringBuilder out = new StringBuilder("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CollectFlow strategy simulation</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}
            td,th{border:1px solid #aaa;padding:3px 8px}td.n{text-align:right}.MET{color:#0a7d20;font-weight:bold}
            .MISSED{color:#b00020;font-weight:bold}svg{background:#fafafa;border:1px solid #ddd;margin:0.5em 0}</style>
            </head><body><h1>Strategy simulation</h1>
            """);
        out.append("<p>").append(s.loans()).append(" loans, ").append(s.days()).append(" days from ").append(s.start())
            .append(", seed ").append(s.seed()).append(", staff capacity ").append(s.capacity())
            .append(" tasks/day, ").append(Math.round(s.offHoursShare() * 100)).append(" % of attempts outside the contact window.</p>\n");
        out.append("<p>Borrower behaviour: ").append(esc(behaviour(s))).append(".</p>\n");
        out.append("<p>Strategies: ");
        for (int i = 0; i < results.size(); i++) {
            out.append("<b style=\"color:").append(COLOURS[i]).append("\">").append(esc(results.get(i).strategy())).append("</b> ");
        }
        out.append("</p>\n<h2>Loans 30+ days past due (share of active loans)</h2>\n");
        out.append(chart(p -> p.rate(30) * 100, "%"));
        out.append("<h2>Loans 1+ days past due (share of active loans)</h2>\n").append(chart(p -> p.rate(1) * 100, "%"));
        out.append("<h2>Open collection cases</h2>\n").append(chart(p -> p.openCases(), ""));
        out.append("<h2>Tasks past their due date at the end of the day</h2>\n").append(chart(p -> p.tasksPastDue(), ""));
        out.append("<h2>KPIs on the last day (I1–I7) and run figures</h2>\n<table><tr><th>SPEC</th><th>metric</th><th>key</th>");
        results.forEach(r -> out.append("<th>").append(esc(r.strategy())).append("</th>"));
        out.append("<th>target</th></tr>\n");
        for (Row row : rows()) {
            out.append("<tr><td>").append(esc(row.section)).append("</td><td>").append(esc(row.metric)).append("</td><td>")
                .append(esc(row.key)).append("</td>");
            for (KpiLines.Line l : row.values) {
                out.append("<td class=\"n ").append(l == null ? "" : esc(l.status())).append("\">")
                    .append(l == null ? "" : esc(l.value()) + (l.status().isEmpty() ? "" : " " + esc(l.status()))).append("</td>");
            }
            out.append("<td class=\"n\">").append(esc(row.target)).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (replications != null) {
            out.append(replications.html());
        }
        return out.append("</body></html>\n").toString();
    }

    /** The profiles' defaults, or the scenario file and what it overrides. */
    static String behaviour(SimulationSettings settings) {
        return settings.behaviour() == null ? "the profiles' defaults"
            : "scenario " + settings.behaviour() + " (" + String.join(", ", BehaviourModel.of(settings).overrides()) + ")";
    }

    /** A line chart of one daily figure, one line per strategy, as inline SVG. */
    private String chart(ToDoubleFunction<DayPoint> figure, String unit) {
        int width = 900;
        int height = 260;
        int left = 50;
        int bottom = 30;
        double max = results.stream().flatMap(r -> r.days().stream()).mapToDouble(figure).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.1;
        int days = results.get(0).days().size();
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
            + height + "\" role=\"img\">");
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            double y = height - bottom - (height - bottom - 10) * t / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                + "<text x=\"4\" y=\"%.1f\" font-size=\"11\">%.1f%s</text>", left, y, width - 10, y, y + 4, value, unit));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">day 1</text><text x=\"%d\" y=\"%d\""
            + " font-size=\"11\">day %d</text>", left, height - 8, width - 70, height - 8, days));
        for (int i = 0; i < results.size(); i++) {
            StringBuilder points = new StringBuilder();
            List<DayPoint> series = results.get(i).days();
            for (int d = 0; d < series.size(); d++) {
                double x = left + (width - 10 - left) * (series.size() == 1 ? 0 : d / (double) (series.size() - 1));
                double y = height - bottom - (height - bottom - 10) * figure.applyAsDouble(series.get(d)) / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[i]).append("\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    /** A CSV field: quoted when it holds a comma or a quote. */
    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
