package io.collectflow.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.security.login}: how many failed logins within which window lock a user name, how long. */
@ConfigurationProperties("collectflow.security.login")
public record LoginProperties(Integer maxFailures, Duration window, Duration lockDuration) {

    public LoginProperties {
        maxFailures = maxFailures == null ? 5 : maxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        if (maxFailures < 1) {
            throw new IllegalArgumentException("collectflow.security.login.max-failures must be at least 1");
        }
    }
}
