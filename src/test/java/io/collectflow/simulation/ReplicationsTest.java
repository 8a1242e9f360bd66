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
        Replications.Statistics s = Replications.Statistics.of(new double[] {1, 2, 3, 4, 5});

        // mean 3, sample standard deviation sqrt(2.5), t(4) = 2.776: 3 ± 2.776 * 1.5811 / sqrt(5)
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.low()).isCloseTo(1.0371, within(1e-4));
        assertThat(s.high()).isCloseTo(4.9629, within(1e-4));
        assertThat(s.clear()).as("an interval above 0").isTrue();
        assertThat(Replications.Statistics.of(new double[] {-1, 2, Double.NaN}).clear()).as("one across 0").isFalse();
        assertThat(Replications.Statistics.of(new double[] {7}).low()).as("one value, no interval").isNaN();
    }

    @Test
    void theDifferenceIsPairedBySeed() {
        // the challenger is 1 better on every portfolio although the portfolios differ by far more
        Replications.Figure f = new Replications.Figure("I1", "overdueRateByCount", "30+",
            new double[][] {{10, 50, 90}, {11, 51, 91}});

        Replications.Statistics d = f.difference();
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
            + " about 0.2 would be by chance");
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
        Replications.Statistics tasks = Replications.Statistics.of(new double[] {first, second});
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
            + "short_mean,difference_mean,difference_ci95_low,difference_ci95_high,clear");
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
