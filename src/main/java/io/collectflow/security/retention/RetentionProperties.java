package io.collectflow.security.retention;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code collectflow.security.retention.contact-records}: how long contact records are kept (at least 3 years). */
@ConfigurationProperties("collectflow.security.retention")
public record RetentionProperties(Period contactRecords) {

    public static final Period MINIMUM = Period.ofYears(3);

    public RetentionProperties {
        contactRecords = contactRecords == null ? Period.ofYears(5) : contactRecords;
        if (contactRecords.toTotalMonths() < MINIMUM.toTotalMonths()) {
            throw new IllegalStateException("collectflow.security.retention.contact-records=" + contactRecords
                + " is shorter than the legal minimum of " + MINIMUM + " (contact records are kept at least 3 years)");
        }
    }
}
