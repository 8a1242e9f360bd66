package io.collectflow.security.pii;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one cipher for personal data at rest, built from {@code collectflow.security.pii}. */
@Configuration
class PiiConfig {

    @Bean
    PiiCipher piiCipher(PiiProperties properties) {
        return new PiiCipher(properties.getKeys(), properties.getActiveKeyId());
    }
}
