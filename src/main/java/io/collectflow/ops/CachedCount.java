package io.collectflow.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A count from the database, queried at most once per refresh interval however often Prometheus
 * scrapes. A failing query (database unreachable) yields NaN instead of an exception in the scrape.
 */
public final class CachedCount {

    private static final Logger LOG = LoggerFactory.getLogger(CachedCount.class);

    private final String name;
    private final LongSupplier query;
    private final Duration refresh;
    private final Clock clock;
    private Instant fetchedAt;
    private double value = Double.NaN;

    public CachedCount(String name, LongSupplier query, Duration refresh, Clock clock) {
        this.name = name;
        this.query = query;
        this.refresh = refresh;
        this.clock = clock;
    }

    public synchronized double value() {
        Instant now = clock.instant();
        if (fetchedAt == null || !now.isBefore(fetchedAt.plus(refresh))) {
            fetchedAt = now;
            try {
                value = query.getAsLong();
            } catch (RuntimeException e) {
                LOG.warn("metric {} could not be read: {}", name, e.getMessage());
                value = Double.NaN;
            }
        }
        return value;
    }
}
