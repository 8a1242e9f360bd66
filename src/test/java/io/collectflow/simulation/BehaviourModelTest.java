package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file overrides the borrower profiles' parameters; a bad one is refused naming its key. */
class BehaviourModelTest {

    private static final Path RECESSION = Path.of("src/test/resources/simulation/recession.properties");

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path file = dir.resolve("scenario.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void theDefaultsAreTheProfilesOwn() {
        BehaviourModel model = BehaviourModel.defaults();

        for (BehaviourProfile p : BehaviourProfile.values()) {
            assertThat(model.of(p).share()).isEqualTo(p.share());
            assertThat(model.of(p).keep()).isEqualTo(p.keep());
        }
        assertThat(model.overrides()).isEmpty();
        assertThat(BehaviourModel.of(new SimulationSettings(10, 5, 1L, LocalDate.of(2026, 1, 1), 2, 100, 0.05,
            List.of("expanded"), Path.of("target/x"), false, "audit")).overrides()).isEmpty();
    }

    @Test
    void aScenarioOverridesWhatItNamesAndKeepsTheRest() {
        BehaviourModel model = BehaviourModel.load(RECESSION);

        assertThat(model.of(BehaviourProfile.UNEMPLOYED).share()).isEqualTo(0.10);
        assertThat(model.of(BehaviourProfile.CASH_FLOW).keep()).isEqualTo(0.45);
        assertThat(model.of(BehaviourProfile.FORGETFUL).payAfterReminder()).isEqualTo(0.45);
        assertThat(model.of(BehaviourProfile.UNEMPLOYED).miss()).isEqualTo(BehaviourProfile.UNEMPLOYED.miss());
        assertThat(model.overrides()).contains("unemployed.share=0.1", "cash_flow.keep=0.45").hasSize(5);
        // the report says which behaviour its figures come from
        assertThat(SimulationReport.behaviour(new SimulationSettings(10, 5, 1L, LocalDate.of(2026, 1, 1), 2, 100, 0.05,
            List.of("expanded"), Path.of("target/x"), false, "audit", RECESSION)))
            .startsWith("scenario " + RECESSION).contains("unemployed.share=0.1");
    }

    @Test
    void theBookFollowsTheScenariosShares() {
        List<SyntheticPortfolio.SimLoan> book = new SyntheticPortfolio(11, LocalDate.of(2026, 1, 1), 2,
            BehaviourModel.load(RECESSION)).generate(20_000);

        Map<BehaviourProfile, Integer> counts = new EnumMap<>(BehaviourProfile.class);
        book.forEach(l -> counts.merge(l.profile(), 1, Integer::sum));
        assertThat(counts.get(BehaviourProfile.UNEMPLOYED) / 20_000.0).isCloseTo(0.10, within(0.01));
        assertThat(counts.get(BehaviourProfile.PUNCTUAL) / 20_000.0).isCloseTo(0.70, within(0.01));
    }

    @Test
    void aBadScenarioIsRefusedNamingTheKey() throws Exception {
        assertThatThrownBy(() -> BehaviourModel.load(file("jobless.share = 0.1\n")))
            .hasMessageContaining("key jobless.share").hasMessageContaining("unemployed");
        assertThatThrownBy(() -> BehaviourModel.load(file("punctual.answr = 0.1\n")))
            .hasMessageContaining("key punctual.answr").hasMessageContaining("answer");
        assertThatThrownBy(() -> BehaviourModel.load(file("malicious.keep = 1.5\n")))
            .hasMessageContaining("key malicious.keep").hasMessageContaining("not a probability");
        assertThatThrownBy(() -> BehaviourModel.load(file("malicious.keep = often\n")))
            .hasMessageContaining("'often' is not a number");
        assertThatThrownBy(() -> BehaviourModel.load(file("malicious.share = 0.5\n")))
            .hasMessageContaining("shares add up to 1.48");
        assertThatThrownBy(() -> BehaviourModel.load(dir.resolve("missing.properties")))
            .hasMessageContaining("cannot read the behaviour file");
    }

    @Test
    void aSimulationOfAHarderBookOpensMoreCases() {
        SimulationSettings usual = new SimulationSettings(60, 20, 3L, LocalDate.of(2026, 1, 5), 2, 40, 0.05,
            List.of("expanded"), Path.of("target/simulation-test"), false, "audit");
        SimulationSettings hard = new SimulationSettings(60, 20, 3L, LocalDate.of(2026, 1, 5), 2, 40, 0.05,
            List.of("expanded"), Path.of("target/simulation-test"), false, "audit", RECESSION);

        long usualCases = casesOpened(usual);
        long hardCases = casesOpened(hard);

        assertThat(hardCases).as("cases opened in the downturn against " + usualCases + " in the usual book")
            .isGreaterThan(usualCases);
    }

    private static long casesOpened(SimulationSettings settings) {
        try (Simulator simulator = Simulator.start("expanded", settings)) {
            return simulator.run(day -> { }).casesOpened();
        }
    }
}
