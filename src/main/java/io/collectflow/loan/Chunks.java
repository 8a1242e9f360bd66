package io.collectflow.loan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Splits keys for {@code IN (…)} queries into chunks of bounded size (distinct, order kept). */
public final class Chunks {

    /** Largest {@code IN} list and JDBC batch we send. */
    public static final int SIZE = 1000;

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> keys) {
        List<T> all = new ArrayList<>(new LinkedHashSet<>(keys));
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
