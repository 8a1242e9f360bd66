package io.collectflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.collectflow.loan.Product;

class SyntheticPortfolioTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void theSameSeedGivesTheSameBook() {
        List<SyntheticPortfolio.SimLoan> a = new SyntheticPortfolio(7, START, 2).generate(300);
        List<SyntheticPortfolio.SimLoan> b = new SyntheticPortfolio(7, START, 2).generate(300);
        assertThat(a).isEqualTo(b);
        assertThat(new SyntheticPortfolio(8, START, 2).generate(300)).isNotEqualTo(a);
    }

    @Test
    void profilesProductsAndDueDatesFollowTheDocumentedMix() {
        List<SyntheticPortfolio.SimLoan> book = new SyntheticPortfolio(11, START, 2).generate(20_000);
        Map<BehaviourProfile, Integer> counts = new EnumMap<>(BehaviourProfile.class);
        book.forEach(l -> counts.merge(l.profile(), 1, Integer::sum));
        for (BehaviourProfile p : BehaviourProfile.values()) {
            assertThat(counts.get(p) / 20_000.0).as(p.name()).isCloseTo(p.share(), org.assertj.core.data.Offset.offset(0.01));
        }
        long business = book.stream().filter(l -> l.loan().product() == Product.SMALL_BUSINESS).count();
        assertThat(business / 20_000.0).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.01));
        assertThat(book).allSatisfy(l -> {
            assertThat(l.loan().firstDueOn().getDayOfMonth()).isBetween(1, 28);
            assertThat(l.loan().disbursedOn()).isBefore(START);
            assertThat(l.history()).allSatisfy(p -> assertThat(p.paidOn()).isBefore(START));
        });
    }

    @Test
    void shareOfProfilesAddsUpToOne() {
        double total = 0;
        for (BehaviourProfile p : BehaviourProfile.values()) {
            total += p.share();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void diceRollsDependOnlyOnTheSeedAndTheParts() {
        Dice dice = new Dice(3);
        assertThat(dice.roll("L1", START, "answer")).isEqualTo(new Dice(3).roll("L1", START, "answer"))
            .isNotEqualTo(dice.roll("L1", START.plusDays(1), "answer")).isBetween(0.0, 1.0);
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            hits += dice.chance(0.3, "L" + i, "x") ? 1 : 0;
        }
        assertThat(hits / 10_000.0).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
    }
}
