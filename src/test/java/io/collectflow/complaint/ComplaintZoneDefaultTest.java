package io.collectflow.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code collectflow.complaint.zone} (the complaints team's zone, for its deadlines) is the lender's
 * ({@code collectflow.lender.zone}) unless set: the application's own configuration (application.yaml) is read, with
 * nothing but the complaint settings bound.
 */
class ComplaintZoneDefaultTest {

    @Test
    void withoutAZoneOfItsOwnTheComplaintsTeamWorksInTheLendersZone() {
        assertThat(complaintZone("--collectflow.lender.zone=America/New_York"))
            .isEqualTo(ZoneId.of("America/New_York"));
    }

    @Test
    void aZoneOfItsOwnStillCounts() {
        assertThat(complaintZone("--collectflow.lender.zone=America/New_York",
                "--collectflow.complaint.zone=Europe/Berlin"))
            .isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void byDefaultBothAreShanghai() {
        assertThat(complaintZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    private static ZoneId complaintZone(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplaintSettingsOnly.class)
                .web(WebApplicationType.NONE).profiles("test").logStartupInfo(false).run(args)) {
            return context.getBean(ComplaintProperties.class).getZone();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ComplaintProperties.class)
    static class ComplaintSettingsOnly {
    }
}
