package io.collectflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.contact.DbTime;

/**
 * Counts failed logins per user name across the cluster (tables login_failure and login_lock, V131):
 * {@code maxFailures} within {@code window} lock the name for {@code lockDuration}, on every node. Expired rows
 * are deleted as failures come in. The engine's own lock (loginMaxAttempts/loginDelay*) works beside it.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_KEY = 200;

    private final LoginProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public LoginThrottle(LoginProperties properties, Clock clock, JdbcTemplate jdbc) {
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public boolean isLocked(String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE user_key = ? AND locked_until > ?",
            Integer.class, key(user), DbTime.toDb(clock.instant())) > 0;
    }

    public void failed(String user) {
        Instant now = clock.instant();
        String key = key(user);
        jdbc.update("DELETE FROM login_failure WHERE failed_at <= ?", DbTime.toDb(now.minus(properties.window())));
        jdbc.update("DELETE FROM login_lock WHERE locked_until <= ?", DbTime.toDb(now));
        jdbc.update("INSERT INTO login_failure (user_key, failed_at) VALUES (?, ?)", key, DbTime.toDb(now));
        int recent = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE user_key = ?", Integer.class, key);
        if (recent >= properties.maxFailures()) {
            Instant until = now.plus(properties.lockDuration());
            lock(key, until);
            jdbc.update("DELETE FROM login_failure WHERE user_key = ?", key);
            log.warn("Login of user '{}' locked until {} after {} failed attempts within {}", printable(user), until,
                properties.maxFailures(), properties.window());
        }
    }

    public void succeeded(String user) {
        jdbc.update("DELETE FROM login_failure WHERE user_key = ?", key(user));
    }

    private void lock(String key, Instant until) {
        if (jdbc.update("UPDATE login_lock SET locked_until = ? WHERE user_key = ?", DbTime.toDb(until), key) == 0) {
            try {
                jdbc.update("INSERT INTO login_lock (user_key, locked_until) VALUES (?, ?)", key, DbTime.toDb(until));
            } catch (DuplicateKeyException lockedMeanwhileByAnotherNode) {
                jdbc.update("UPDATE login_lock SET locked_until = ? WHERE user_key = ?", DbTime.toDb(until), key);
            }
        }
    }

    /** The user name as it may go to the log: no control characters (forged log lines), at most 64 characters. */
    private static String printable(String user) {
        String clean = user == null ? "" : user.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "...";
    }

    /** The lower-case, trimmed user name; its SHA-256 when too long for the column. */
    static String key(String user) {
        String key = user == null ? "" : user.trim().toLowerCase();
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
