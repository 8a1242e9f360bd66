package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A comparison repeated on several portfolios: the means per strategy and the paired difference with its
 * 95 % interval, per KPI line.
 */
class ReplicationsTest {

    @Test
    void theIntervalIsStudentsTOverTheValues() {
        Statistics s = Statistics.of(new double[] {1, 2, 3, 4, 5});

        // mean 3, sample standard deviation sqrt(2.5), t(4) = 2.776: 3 ± 2.776 * 1.5811 / sqrt(5)
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.low()).isCloseTo(1.0371, within(1e-4));
        assertThat(s.high()).isCloseTo(4.9629, within(1e-4));
        assertThat(s.clear()).as("an interval above 0").isTrue();
        assertThat(Statistics.of(new double[] {-1, 2, Double.NaN}).clear()).as("one across 0").isFalse();
        assertThat(Statistics.of(new double[] {7}).low()).as("one value, no interval").isNaN();
    }

    @Test
    void theDifferenceIsPairedBySeed() {
        // the challenger is 1 better on every portfolio although the portfolios differ by far more
        Replications.Figure f = new Replications.Figure("I1", "overdueRateByCount", "30+",
            new double[][] {{10, 50, 90}, {11, 51, 91}});

        Statistics d = f.difference();
        assertThat(d.mean()).isEqualTo(1.0);
        assertThat(d.low()).isEqualTo(1.0);
        assertThat(d.clear()).isTrue();
        assertThat(f.mean(0)).isEqualTo(50.0);
    }

    @Test
    void theReportSaysHowManyStarsChanceAloneWouldGive() {
        List<Replications.Figure> figures = List.of(
            figure(new double[] {10, 50, 90}, new double[] {11, 51, 91}),        // 1 better every time: starred
            figure(new double[] {1, 2, 3}, new double[] {1, 2, 3}),              // the same: not a comparison
            figure(new double[] {1, 2, 3}, new double[] {3, 1, 2}),              // compared, across 0
            figure(new double[] {5, 5, 5}, new double[] {5, 5, Double.NaN}));    // compared on two seeds, 0

        Replications.Chance chance = Replications.Chance.over(figures);

        assertThat(chance.starred()).isEqualTo(1);
        assertThat(chance.compared()).isEqualTo(3);
        assertThat(chance.expectedByChance()).isCloseTo(0.15, within(1e-9));
        assertThat(chance.sentence()).startsWith("1 of 3 lines compared are starred; were the strategies alike,"
            + " about 0.2 would be by chance").endsWith("1 holds after Holm's correction for the 3 lines (adjusted p"
            + " below 0.05)");
    }

    @Test
    void holmsCorrectionCountsEveryLineCompared() {
        List<Replications.Figure> figures = List.of(
            figure(new double[] {0, 0, 0}, new double[] {2, 3, 4}),              // differences 2, 3, 4
            figure(new double[] {1, 2, 3}, new double[] {1, 2, 3}),              // not compared
            figure(new double[] {10, 50, 90}, new double[] {11, 51, 91}),        // 1 every time: p = 0
            figure(new double[] {1, 2, 3}, new double[] {3, 1, 2}));             // differences 2, -1, -1: p = 1

        // differences 2, 3, 4: t = 3 / (1 / sqrt 3) with 2 degrees of freedom, p = 1 - t / sqrt(2 + t^2)
        double t = 3 * Math.sqrt(3);
        double p = 1 - t / Math.sqrt(2 + t * t);
        assertThat(figures.get(0).difference().p()).isCloseTo(p, within(1e-10)).isCloseTo(0.0351, within(1e-4));
        assertThat(figures.get(0).difference().clear()).as("starred on its own").isTrue();

        double[] holm = Replications.holm(figures);

        assertThat(holm[2]).as("smallest p times 3 lines").isEqualTo(0.0);
        assertThat(holm[0]).as("next times 2: no longer below 0.05").isCloseTo(2 * p, within(1e-10));
        assertThat(holm[1]).as("not compared").isNaN();
        assertThat(holm[3]).isEqualTo(1.0);
        Replications.Chance chance = Replications.Chance.over(figures);
        assertThat(chance.starred()).isEqualTo(2);
        assertThat(chance.held()).isEqualTo(1);
    }

    @Test
    void holmsAdjustedValuesNeverFallBelowAnEarlierOne() {
        // p-values 0.04, 0.041, 0.9 (two seeds each way): raw order kept, 3 x 0.04 = 0.12 carried to the second line
        List<Replications.Figure> figures = List.of(
            figureWithP(0.041), figureWithP(0.9), figureWithP(0.04));

        double[] holm = Replications.holm(figures);

        double p0 = figures.get(0).difference().p();
        double p2 = figures.get(2).difference().p();
        assertThat(holm[2]).isCloseTo(3 * p2, within(1e-9));
        assertThat(holm[0]).isCloseTo(Math.max(3 * p2, 2 * p0), within(1e-9));
        assertThat(holm[1]).isCloseTo(Math.max(holm[0], figures.get(1).difference().p()), within(1e-9));
    }

    /** Differences on three seeds, 1 ± s, with s chosen so that the two-sided p-value is {@code p} (2 df). */
    private static Replications.Figure figureWithP(double p) {
        // p = 1 - t / sqrt(2 + t^2)  =>  t = sqrt(2) (1 - p) / sqrt(1 - (1 - p)^2); differences 1 - s, 1, 1 + s
        // have mean 1 and standard error s / sqrt 3
        double t = Math.sqrt(2) * (1 - p) / Math.sqrt(1 - (1 - p) * (1 - p));
        double s = Math.sqrt(3) / t;
        Replications.Figure f = figure(new double[] {0, 0, 0}, new double[] {1 - s, 1, 1 + s});
        assertThat(f.difference().p()).isCloseTo(p, within(1e-9));
        return f;
    }

    private static Replications.Figure figure(double[] first, double[] second) {
        return new Replications.Figure("I1", "overdueRateByCount", "30+", new double[][] {first, second});
    }

    @Test
    void oneStrategyOverSeveralPortfoliosGetsTheIntervalOfItsMeans() throws Exception {
        SimulationSettings settings = new SimulationSettings(30, 8, 9L, LocalDate.of(2026, 1, 5), 2, 30, 0.10,
            List.of("expanded"), Path.of("target/simulation-test"), false, "audit");

        List<List<SimulationResult>> bySeed = SimulationMain.replicate(settings, 2,
            new PrintStream(OutputStream.nullOutputStream()));

        Replications over = new Replications(bySeed);
        assertThat(over.csv().lines().findFirst().orElseThrow())
            .isEqualTo("section,metric,key,seeds,expanded_mean,ci95_low,ci95_high");
        long first = bySeed.get(0).get(0).tasksCompleted();
        long second = bySeed.get(1).get(0).tasksCompleted();
        Statistics tasks = Statistics.of(new double[] {first, second});
        String[] line = over.csv().lines().filter(l -> l.startsWith("run,tasksCompleted,,2,")).findFirst()
            .orElseThrow().split(",");
        assertThat(Double.parseDouble(line[4])).isCloseTo(tasks.mean(), within(1e-3 * Math.max(1, tasks.mean())));
        assertThat(Double.parseDouble(line[5])).isCloseTo(tasks.low(), within(1e-3 * Math.max(1, Math.abs(tasks.low()))));
        assertThat(Double.parseDouble(line[6])).isCloseTo(tasks.high(), within(1e-3 * Math.max(1, tasks.high())));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        over.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("95 % interval of the mean")
            .contains("tasksCompleted");
    }

    @Test
    void aRepeatedComparisonReportsEveryKpiOverTheSeeds() throws Exception {
        SimulationSettings settings = new SimulationSettings(40, 10, 5L, LocalDate.of(2026, 1, 5), 2, 30, 0.10,
            List.of("expanded", "short"), Path.of("target/simulation-test"), false, "audit");
        String before = System.setProperty("parallel", "false");
        List<List<SimulationResult>> bySeed;
        try {
            bySeed = SimulationMain.replicate(settings, 3, new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            if (before == null) {
                System.clearProperty("parallel");
            } else {
                System.setProperty("parallel", before);
            }
        }

        assertThat(bySeed).hasSize(3);
        assertThat(bySeed).extracting(results -> results.get(0).settings().seed()).containsExactly(5L, 6L, 7L);
        Replications over = new Replications(bySeed);
        Replications.Figure tasks = over.figures().stream().filter(f -> f.metric().equals("tasksCompleted"))
            .findFirst().orElseThrow();
        for (int seed = 0; seed < 3; seed++) {
            assertThat(tasks.values()[0][seed]).isEqualTo(bySeed.get(seed).get(0).tasksCompleted());
            assertThat(tasks.values()[1][seed]).isEqualTo(bySeed.get(seed).get(1).tasksCompleted());
        }
        double expected = 0;
        for (List<SimulationResult> results : bySeed) {
            expected += (results.get(1).tasksCompleted() - results.get(0).tasksCompleted()) / 3.0;
        }
        assertThat(tasks.difference().mean()).isCloseTo(expected, within(1e-9));
        assertThat(over.figures()).extracting(Replications.Figure::metric)
            .contains("overdueRateByCount", "costPerCase", "paymentsAmount").doesNotContain("wallSeconds");

        String csv = over.csv();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("section,metric,key,seeds,expanded_mean,"
            + "short_mean,difference_mean,difference_ci95_low,difference_ci95_high,clear,p_value,p_holm");
        assertThat(csv.lines().filter(l -> l.startsWith("run,tasksCompleted,,3,"))).hasSize(1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        over.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Over 3 seeds [5, 6, 7]")
            .contains("tasksCompleted").contains(over.chance().sentence());
        String html = new SimulationReport(bySeed.get(0), over).html();
        assertThat(html).contains("<h2>Over 3 portfolios (seeds [5, 6, 7])</h2>").contains("<th>short (mean)</th>")
            .contains("<td>tasksCompleted</td>").contains("lines compared are starred")
            .endsWith("</table>\n</body></html>\n");
    }
}
