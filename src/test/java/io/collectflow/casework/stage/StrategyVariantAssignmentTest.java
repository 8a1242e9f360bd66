package io.collectflow.casework.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StrategyVariantAssignmentTest {

    private static final CaseworkProperties CASEWORK = new CaseworkProperties("expanded", Duration.ofDays(2),
        Duration.ofDays(3), Duration.ofDays(1));

    @Test
    void shareZeroKeepsEveryCaseOnTheChampionAndOneMovesAll() {
        StrategyVariantAssignment none = new StrategyVariantAssignment(CASEWORK, "short", 0, null);
        StrategyVariantAssignment all = new StrategyVariantAssignment(CASEWORK, "short", 1, null);
        for (int i = 0; i < 1_000; i++) {
            assertThat(none.variantFor("L" + i)).isEqualTo("expanded");
            assertThat(all.variantFor("L" + i)).isEqualTo("short");
        }
    }

    @Test
    void aShareSplitsLoansDeterministically() {
        StrategyVariantAssignment variants = new StrategyVariantAssignment(CASEWORK, "short", 0.2, null);
        int challenger = 0;
        for (int i = 0; i < 50_000; i++) {
            String loanNo = String.format("L%06d", i);
            String variant = variants.variantFor(loanNo);
            assertThat(new StrategyVariantAssignment(CASEWORK, "short", 0.2, null).variantFor(loanNo)).isEqualTo(variant);
            challenger += variant.equals("short") ? 1 : 0;
        }
        assertThat(challenger / 50_000.0).isBetween(0.19, 0.21);
        // a larger share only moves more loans to the challenger, never one back
        StrategyVariantAssignment more = new StrategyVariantAssignment(CASEWORK, "short", 0.5, null);
        for (int i = 0; i < 5_000; i++) {
            String loanNo = String.format("L%06d", i);
            if (variants.variantFor(loanNo).equals("short")) {
                assertThat(more.variantFor(loanNo)).isEqualTo("short");
            }
        }
    }

    @Test
    void rejectsAShareOutsideZeroToOneAndABlankVariant() {
        assertThatThrownBy(() -> new StrategyVariantAssignment(CASEWORK, "short", 1.5, null))
            .hasMessageContaining("collectflow.case.challenger.share");
        assertThatThrownBy(() -> new StrategyVariantAssignment(CASEWORK, " ", 0.5, null))
            .hasMessageContaining("collectflow.case.challenger.variant");
    }
}
