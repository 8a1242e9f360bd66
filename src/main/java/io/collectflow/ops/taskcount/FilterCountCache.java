package io.collectflow.ops.taskcount;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Tasklist's filter counts — the badge of every filter, the number above the list, recomputed at each refresh of
 * every open Tasklist — answered from a count at most {@code ttl} old. A collector's count checks one
 * authorization row per task of the group: 1.6 s for a group of 80,000 open tasks on PostgreSQL (BENCHMARKS.md),
 * paid by every collector at every refresh. Here each user pays it at most once per {@code ttl} and filter.
 *
 * <p>The key is the filter, the authenticated user with its groups and tenants (what the authorization check
 * depends on) and the query the request adds to the filter (Tasklist's search and sorting); a request without
 * an authenticated user is counted as the system. Saving or deleting any filter empties the cache. Lists are
 * never cached: what a user opens is always current; only the number may be up to {@code ttl} behind.
 * Engine-side, so {@code /engine-rest/filter/{id}/count}, {@code GET /engine-rest/filter?itemCount=true} and
 * the HAL list's count all go through it.
 */
final class FilterCountCache extends CommandInterceptor {

    static final int MAX_ENTRIES = 10_000;

    private static final Field FILTER_ID = field("filterId");
    private static final Field EXTENDING_QUERY = field("extendingQuery");

    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Supplier<Authentication> authentication;
    private final Map<String, Entry> counts = new ConcurrentHashMap<>();

    FilterCountCache(Duration ttl, LongSupplier nanoClock, Supplier<Authentication> authentication) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        this.authentication = authentication;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (command instanceof SaveFilterCmd || command instanceof DeleteFilterCmd) {
            counts.clear();
            return next.execute(command);
        }
        String key = command instanceof ExecuteFilterCountCmd count ? key(count) : null;
        if (key == null) {
            return next.execute(command);
        }
        long now = nanoClock.getAsLong();
        Entry known = counts.get(key);
        if (known != null && now - known.countedAt() < ttlNanos) {
            return (T) Long.valueOf(known.count());
        }
        T counted = next.execute(command);
        if (counts.size() >= MAX_ENTRIES) {
            counts.clear();
        }
        counts.put(key, new Entry((Long) counted, now));
        return counted;
    }

    int size() {
        return counts.size();
    }

    /** The cache key, or null when the request cannot be keyed (then it is counted as usual). */
    private String key(ExecuteFilterCountCmd command) {
        try {
            Object filterId = FILTER_ID.get(command);
            Query<?, ?> extending = (Query<?, ?>) EXTENDING_QUERY.get(command);
            String query = "";
            if (extending instanceof TaskQuery taskQuery) {
                query = new JsonTaskQueryConverter().toJsonObject(taskQuery).toString();
            } else if (extending != null) {
                return null;
            }
            Authentication user = authentication.get();
            String who = user == null ? "" : user.getUserId() + "|" + sorted(user.getGroupIds()) + "|" + sorted(user.getTenantIds());
            return filterId + "\u0000" + who + "\u0000" + query;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static String sorted(List<String> ids) {
        if (ids == null) {
            return "";
        }
        List<String> copy = new ArrayList<>(ids);
        copy.sort(null);
        return String.join(",", copy);
    }

    private static Field field(String name) {
        try {
            Field field = AbstractExecuteFilterCmd.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's AbstractExecuteFilterCmd has no field " + name, e);
        }
    }

    private record Entry(long count, long countedAt) {
    }
}
