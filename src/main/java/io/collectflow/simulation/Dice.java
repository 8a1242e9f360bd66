package io.collectflow.simulation;

import java.nio.charset.StandardCharsets;

/**
 * Reproducible chance: a roll is a pure function of the seed and what it is about (loan, day, event), not of
 * the order in which the simulator asks. The same borrower therefore makes the same choices in the same
 * situation under both strategies of a champion/challenger run (common random numbers), so differences
 * between the arms come from the strategy, not from luck.
 */
final class Dice {

    private final long seed;

    Dice(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) fixed by the seed and the parts. */
    double roll(Object... parts) {
        long h = mix(seed);
        for (Object part : parts) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = mix(h ^ (b & 0xFF));
            }
            h = mix(h ^ 0x9E3779B97F4A7C15L);
        }
        return (h >>> 11) / (double) (1L << 53);
    }

    /** True with probability {@code p}. */
    boolean chance(double p, Object... parts) {
        return roll(parts) < p;
    }

    /** An integer in [from, to]. */
    int between(int from, int to, Object... parts) {
        return from + (int) (roll(parts) * (to - from + 1));
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
