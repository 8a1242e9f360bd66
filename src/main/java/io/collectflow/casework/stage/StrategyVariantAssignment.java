package io.collectflow.casework.stage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Live champion/challenger (SPEC I8): a configurable share of new cases works the challenger strategy
 * variant of {@code collection-strategy.dmn}, the rest the champion ({@code collectflow.case.strategy-variant}).
 * The choice is deterministic per loan — a SHA-256 of the loan number mapped to [0, 1) and compared with
 * {@code collectflow.case.challenger.share} — so a case re-opened for the same loan keeps its arm, and it is
 * recorded on the case ({@code collection_case.strategy_variant}), where the KPIs group recovery by it.
 */
@Service
public class StrategyVariantAssignment {

    private final String champion;
    private final String challenger;
    private final double share;
    private final JdbcTemplate jdbc;

    public StrategyVariantAssignment(CaseworkProperties properties,
            @Value("${collectflow.case.challenger.variant:short}") String challenger,
            @Value("${collectflow.case.challenger.share:0}") double share, JdbcTemplate jdbc) {
        if (Double.isNaN(share) || share < 0 || share > 1) {
            throw new IllegalArgumentException("collectflow.case.challenger.share must be between 0 and 1, not " + share);
        }
        if (challenger == null || challenger.isBlank()) {
            throw new IllegalArgumentException("collectflow.case.challenger.variant must name a strategy variant");
        }
        this.champion = properties.strategyVariant();
        this.challenger = challenger.trim();
        this.share = share;
        this.jdbc = jdbc;
    }

    /**
     * The variant the loan's case works: {@code given} when the starter already chose one, otherwise the
     * loan's arm. Records it on the loan's active case unless the case already has one.
     */
    public String assign(String loanNo, String given) {
        String variant = given != null && !given.isBlank() ? given : variantFor(loanNo);
        jdbc.update("UPDATE collection_case SET strategy_variant = ? WHERE active_loan_no = ? AND strategy_variant IS NULL",
            variant, loanNo);
        return variant;
    }

    /** The loan's arm: challenger when its position in [0, 1) is below the challenger share. */
    public String variantFor(String loanNo) {
        return position(loanNo) < share ? challenger : champion;
    }

    public String champion() {
        return champion;
    }

    public String challenger() {
        return challenger;
    }

    public double share() {
        return share;
    }

    /** The loan number's place in [0, 1): the first 53 bits of its SHA-256, stable across runs and machines. */
    static double position(String loanNo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(loanNo.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xFF);
            }
            return (bits >>> 11) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
