package io.collectflow.security.pii;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.collectflow.security.audit.AuditLog;

/**
 * The one cipher for personal data at rest, built from {@code collectflow.security.pii}, and the start-up
 * re-encryption of values in clear or under an older key (audited as PII_REENCRYPT when it changed anything).
 */
@Configuration
class PiiConfig {

    @Bean
    PiiCipher piiCipher(PiiProperties properties) {
        return new PiiCipher(properties.getKeys(), properties.getActiveKeyId());
    }

    @Bean
    PiiReencryption piiReencryption(JdbcTemplate jdbc, PiiCipher cipher, PiiProperties properties) {
        return new PiiReencryption(jdbc, cipher, properties.getReencryptBatchSize());
    }

    @Bean
    @ConditionalOnProperty(name = "collectflow.security.pii.reencrypt-on-startup", matchIfMissing = true)
    ApplicationRunner piiReencryptionOnStartup(PiiReencryption reencryption, PiiCipher cipher, AuditLog audit) {
        return args -> {
            List<PiiReencryption.Outcome> outcomes = reencryption.run();
            if (outcomes.stream().anyMatch(o -> o.resealed() > 0 || o.failed() > 0)) {
                audit.record("system", "PII_REENCRYPT", "pii-key", cipher.activeKeyId(), outcomes.stream()
                    .map(o -> o.table() + ": " + o.resealed() + " re-encrypted, " + o.failed() + " unreadable")
                    .collect(Collectors.joining("; ")));
            }
        };
    }
}
