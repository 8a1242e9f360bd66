package io.collectflow.loan.delinquency;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A cluster-wide lock in the shared database (ShedLock style, table {@code scan_lock}): taking it is one
 * conditional UPDATE that succeeds only when the current holder's lease has run out, so exactly one
 * node wins, nobody waits, and a node that crashed while holding it blocks others for at most
 * {@code lockAtMost}. No transaction is held open while the lock is held.
 */
@Component
public class ScanLock {

    private static final String NODE = nodeName();

    private final JdbcTemplate jdbc;

    public ScanLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The lock if it is free now, otherwise empty. */
    public Optional<Lease> tryAcquire(String name, Duration lockAtMost) {
        Instant now = Instant.now();
        String holder = NODE + "/" + UUID.randomUUID();
        int taken = jdbc.update(
            "UPDATE scan_lock SET locked_until = ?, locked_at = ?, locked_by = ? WHERE name = ? AND locked_until <= ?",
            Timestamp.from(now.plus(lockAtMost)), Timestamp.from(now), holder, name, Timestamp.from(now));
        if (taken == 0) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM scan_lock WHERE name = ?", Integer.class, name);
            if (known == null || known == 0) {
                throw new IllegalStateException("no lock row named " + name + " in scan_lock");
            }
            return Optional.empty();
        }
        return Optional.of(new Lease(name, holder));
    }

    /** Who holds the lock and since when, for a clear "already running" answer. */
    public String describeHolder(String name) {
        return jdbc.queryForObject("SELECT locked_by || ' since ' || CAST(locked_at AS VARCHAR(40)) FROM scan_lock WHERE name = ?",
            String.class, name);
    }

    /** A held lock; {@link #close()} releases it (only if still ours). */
    public final class Lease implements AutoCloseable {
        private final String name;
        private final String holder;

        private Lease(String name, String holder) {
            this.name = name;
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }

        @Override
        public void close() {
            jdbc.update("UPDATE scan_lock SET locked_until = ? WHERE name = ? AND locked_by = ?",
                Timestamp.from(Instant.now()), name, holder);
        }
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
