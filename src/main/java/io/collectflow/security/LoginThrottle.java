package io.collectflow.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed logins per user name on this node: {@code maxFailures} within {@code window} lock the name for
 * {@code lockDuration}. The engine's own, cluster-wide lock (loginMaxAttempts/loginDelay*) works beside it.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isLocked(String user) {
        Instant until = lockedUntil.get(key(user));
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key(user), until);
        return false;
    }

    public void failed(String user) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(key(user), k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(properties.window()))) {
                recent.removeFirst();
            }
            if (recent.size() >= properties.maxFailures()) {
                recent.clear();
                lockedUntil.put(key(user), now.plus(properties.lockDuration()));
                log.warn("Login of user '{}' locked until {} after {} failed attempts within {}", user,
                    now.plus(properties.lockDuration()), properties.maxFailures(), properties.window());
            }
        }
    }

    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.trim().toLowerCase();
    }
}
