package io.collectflow.simulation;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;

/**
 * The same comparison repeated on several portfolios (seeds): is the challenger's difference larger than what
 * another portfolio of the same kind would give by chance? For each KPI line ({@link KpiLines}) the mean of
 * every strategy over the seeds and, with two strategies, the mean difference (second minus first) with a 95 %
 * confidence interval from Student's t over the per-seed differences. The arms of one seed share the
 * portfolio and the borrowers' choices (common random numbers), so the difference is paired by seed and its
 * interval is narrower than the two means' spread. {@code clear} marks a difference whose interval excludes 0.
 * Many lines on few seeds star some by chance, so each difference also gets its p-value and, over the lines
 * compared, Holm's step-down correction: a line that holds after it is unlikely to be chance even counting every
 * line looked at (family-wise error 5 %).
 */
final class Replications {

    /** Run figures that measure the machine, not the strategy. */
    private static final Set<String> NOT_OUTCOMES = Set.of("wallSeconds", "cpuSeconds");

    /** One KPI line over the seeds: the values of every strategy, per seed (NaN where a seed had none). */
    record Figure(String section, String metric, String key, double[][] values) {

        double mean(int strategy) {
            return Statistics.of(values[strategy]).mean();
        }

        /** Second strategy minus first, over the seeds where both have a value. */
        Statistics difference() {
            double[] d = new double[values[0].length];
            for (int seed = 0; seed < d.length; seed++) {
                d[seed] = values[1][seed] - values[0][seed];
            }
            return Statistics.of(d);
        }
    }

    private final List<String> strategies;
    private final List<Long> seeds;
    private final List<Figure> figures;
    /** Holm-adjusted p-value per figure (same order), two strategies only. */
    private final double[] holm;

    /** {@code bySeed}: per seed, the results of every strategy in the same order. */
    Replications(List<List<SimulationResult>> bySeed) {
        if (bySeed.isEmpty()) {
            throw new IllegalArgumentException("no seeds to compare");
        }
        this.strategies = bySeed.get(0).stream().map(SimulationResult::strategy).toList();
        this.seeds = bySeed.stream().map(results -> results.get(0).settings().seed()).toList();
        Map<String, KpiLines.Line> first = new LinkedHashMap<>();
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (int seed = 0; seed < bySeed.size(); seed++) {
            for (int s = 0; s < strategies.size(); s++) {
                for (KpiLines.Line line : KpiLines.of(bySeed.get(seed).get(s))) {
                    Double value = NOT_OUTCOMES.contains(line.metric()) ? null : number(line.value());
                    if (value != null) {
                        first.putIfAbsent(line.id(), line);
                        values.computeIfAbsent(line.id(), id -> empty(strategies.size(), bySeed.size()))[s][seed] = value;
                    }
                }
            }
        }
        List<Figure> list = new ArrayList<>();
        first.forEach((id, line) -> list.add(new Figure(line.section(), line.metric(), line.key(), values.get(id))));
        this.figures = List.copyOf(list);
        this.holm = strategies.size() == 2 ? holm(figures) : new double[0];
    }

    /**
     * Holm's step-down adjusted p-values: the lines compared sorted by p-value, the i-th smallest (from 0) multiplied
     * by (m − i) for m lines compared, each at least the one before it and at most 1. A line whose adjusted value is
     * below 0.05 differs even counting every line compared (family-wise error 5 %, whatever the lines'
     * dependence). NaN for the lines not compared; in the order of {@code figures}.
     */
    static double[] holm(List<Figure> figures) {
        double[] adjusted = new double[figures.size()];
        Arrays.fill(adjusted, Double.NaN);
        List<Integer> compared = new ArrayList<>();
        double[] p = new double[figures.size()];
        for (int i = 0; i < figures.size(); i++) {
            if (isCompared(figures.get(i))) {
                p[i] = figures.get(i).difference().p();
                compared.add(i);
            }
        }
        compared.sort(Comparator.comparingDouble(i -> p[i]));
        double previous = 0;
        for (int rank = 0; rank < compared.size(); rank++) {
            int i = compared.get(rank);
            previous = Math.max(previous, Math.min(1, (compared.size() - rank) * p[i]));
            adjusted[i] = previous;
        }
        return adjusted;
    }

    /** A line compared: a difference on at least two seeds, and not the same values throughout. */
    static boolean isCompared(Figure f) {
        return f.difference().n() >= 2 && !Arrays.equals(f.values()[0], f.values()[1]);
    }

    private static boolean holds(double adjusted) {
        return adjusted < 0.05;
    }

    List<Figure> figures() {
        return figures;
    }

    /**
     * {@code replications.csv}: a line per KPI, the strategies' means and the difference with its interval (one
     * strategy: the interval of its mean).
     */
    String csv() {
        StringBuilder out = new StringBuilder("section,metric,key,seeds");
        strategies.forEach(s -> out.append(',').append(SimulationReport.csv(s)).append("_mean"));
        if (strategies.size() == 2) {
            out.append(",difference_mean,difference_ci95_low,difference_ci95_high,clear,p_value,p_holm");
        } else {
            out.append(",ci95_low,ci95_high");
        }
        out.append('\n');
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            out.append(String.join(",", SimulationReport.csv(f.section()), SimulationReport.csv(f.metric()),
                SimulationReport.csv(f.key()),
                String.valueOf(Statistics.of(f.values()[0]).n())));
            for (int s = 0; s < strategies.size(); s++) {
                out.append(',').append(format(f.mean(s)));
            }
            if (strategies.size() == 2) {
                Statistics d = f.difference();
                out.append(',').append(format(d.mean())).append(',').append(format(d.low())).append(',')
                    .append(format(d.high())).append(',').append(d.clear()).append(',')
                    .append(isCompared(f) ? format(d.p()) : "").append(',').append(format(holm[i]));
            } else {
                Statistics one = Statistics.of(f.values()[0]);
                out.append(',').append(format(one.low())).append(',').append(format(one.high()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("replications.csv");
        Files.writeString(file, csv(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The console table: the differences whose interval excludes 0 first, then the others; lines that are 0 for
     * every strategy and seed are left to the CSV.
     */
    void print(PrintStream out) {
        out.printf("Over %d seeds %s:%n", seeds.size(), seeds);
        List<Figure> shown = figures.stream().filter(f -> !allZero(f)).toList();
        if (strategies.size() != 2) {
            // one strategy: how much its figures vary between portfolios of the same kind
            out.printf("  %-4s %-32s %-26s %14s   %s%n", "id", "metric", "key", cut(strategies.get(0), 14),
                "95 % interval of the mean");
            for (Figure f : shown) {
                Statistics one = Statistics.of(f.values()[0]);
                out.printf("  %-4s %-32s %-26s %14s   %s%n", f.section(), f.metric(), cut(f.key()), format(one.mean()),
                    one.n() < 2 ? "" : format(one.low()) + " .. " + format(one.high()));
            }
            return;
        }
        out.printf("  %-4s %-32s %-26s %14s %14s   %s%n", "id", "metric", "key", cut(strategies.get(0), 14),
            cut(strategies.get(1), 14), "difference (95 % interval)");
        for (boolean clear : new boolean[] {true, false}) {
            for (int i = 0; i < figures.size(); i++) {
                Figure f = figures.get(i);
                Statistics d = f.difference();
                if (!allZero(f) && d.clear() == clear) {
                    String stars = !clear ? "" : holds(holm[i]) ? " **" : " *";
                    String difference = d.n() == 0 ? "" : format(d.mean()) + (d.n() < 2 ? ""
                        : " (" + format(d.low()) + " .. " + format(d.high()) + ")") + stars;
                    out.printf("  %-4s %-32s %-26s %14s %14s   %s%n", f.section(), f.metric(), cut(f.key()),
                        format(f.mean(0)), format(f.mean(1)), difference);
                }
            }
        }
        out.printf("  * the interval excludes 0: more than the spread between portfolios explains; ** also after Holm's"
            + " correction for every line compared; %d lines that were 0 throughout are in replications.csv only%n",
            figures.size() - shown.size());
        out.printf("  %s%n", chance().sentence());
    }

    /**
     * How many lines were starred, and how many a 95 % interval would star by chance alone had the strategies been
     * alike: 5 % of the lines compared (those with a difference on at least one seed). Two strategies only.
     */
    Chance chance() {
        return Chance.of(figures, holm);
    }

    /**
     * {@link #chance()}: {@code starred} of {@code compared} lines, {@code held} of them also after Holm's
     * correction ({@link #holm}).
     */
    record Chance(int starred, int compared, int held) {

        static Chance over(List<Figure> figures) {
            return of(figures, holm(figures));
        }

        /** {@code holm}: {@link #holm} of the figures, in their order. */
        static Chance of(List<Figure> figures, double[] holm) {
            int compared = 0;
            int starred = 0;
            int held = 0;
            for (int i = 0; i < figures.size(); i++) {
                if (isCompared(figures.get(i))) {
                    compared++;
                    starred += figures.get(i).difference().clear() ? 1 : 0;
                    held += holds(holm[i]) ? 1 : 0;
                }
            }
            return new Chance(starred, compared, held);
        }

        double expectedByChance() {
            return compared * 0.05;
        }

        String sentence() {
            return String.format(Locale.ROOT, "%d of %d lines compared are starred; were the strategies alike, about"
                + " %.1f would be by chance (5 %% each, and lines such as I1 and I7 repeat one figure); %d %s after"
                + " Holm's correction for the %d lines (adjusted p below 0.05)", starred, compared, expectedByChance(),
                held, held == 1 ? "holds" : "hold", compared);
        }
    }

    /** The report's section: the same lines as the console, as an HTML table (escaped). */
    String html() {
        StringBuilder out = new StringBuilder("<h2>Over " + seeds.size() + " portfolios (seeds "
            + HtmlUtils.htmlEscape(seeds.toString()) + ")</h2>\n<p>Mean of every strategy over the portfolios");
        if (strategies.size() == 2) {
            out.append(" and the difference (second minus first, paired by portfolio) with its 95 % confidence"
                + " interval; <b>bold</b>: the interval excludes 0; p: the difference's p-value, in brackets after"
                + " Holm's correction for every line compared, ** below 0.05");
        }
        out.append(". Lines that were 0 throughout are in <code>replications.csv</code> only.");
        if (strategies.size() == 2) {
            out.append(' ').append(HtmlUtils.htmlEscape(chance().sentence())).append('.');
        }
        out.append("</p>\n"
            + "<table><tr><th>SPEC</th><th>metric</th><th>key</th>");
        strategies.forEach(s -> out.append("<th>").append(HtmlUtils.htmlEscape(s)).append(" (mean)</th>"));
        if (strategies.size() == 2) {
            out.append("<th>difference</th><th>95 % interval</th><th>p (Holm)</th>");
        }
        out.append("</tr>\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            if (allZero(f)) {
                continue;
            }
            Statistics d = strategies.size() == 2 ? f.difference() : null;
            out.append(d != null && d.clear() ? "<tr class=\"MET\">" : "<tr>");
            for (String cell : List.of(f.section(), f.metric(), f.key())) {
                out.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>");
            }
            for (int s = 0; s < strategies.size(); s++) {
                out.append("<td class=\"n\">").append(format(f.mean(s))).append("</td>");
            }
            if (d != null) {
                out.append("<td class=\"n\">").append(format(d.mean())).append("</td><td class=\"n\">")
                    .append(d.n() < 2 ? "" : format(d.low()) + " .. " + format(d.high())).append("</td><td class=\"n\">")
                    .append(isCompared(f) ? format(d.p()) + " (" + format(holm[i]) + ")" + (holds(holm[i]) ? " **" : "")
                        : "").append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static boolean allZero(Figure f) {
        return Arrays.stream(f.values()).flatMapToDouble(Arrays::stream).allMatch(v -> v == 0 || Double.isNaN(v));
    }

    private static double[][] empty(int strategies, int seeds) {
        double[][] values = new double[strategies][seeds];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        return values;
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Six significant digits, without an exponent or trailing zeros. */
    private static String format(double value) {
        return Double.isNaN(value) ? ""
            : new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String cut(String s) {
        return cut(s, 26);
    }

    private static String cut(String s, int width) {
        return s.length() > width ? s.substring(0, width) : s;
    }
}
