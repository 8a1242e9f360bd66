package io.collectflow.contact.compliance;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Wires the pure guard with the configured calendar files and the contact log as history. */
@Configuration
public class ComplianceConfig {

    /** The system clock unless another feature (or a test) provides the business clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    WorkdayCalendar workdayCalendar(ComplianceProperties properties, ResourceLoader loader) {
        List<WorkdayCalendar.NamedStream> files = properties.getCalendarFiles().stream()
            .map(location -> {
                Resource resource = loader.getResource(location);
                return new WorkdayCalendar.NamedStream(location, resource::getInputStream);
            })
            .toList();
        return WorkdayCalendar.fromFiles(files);
    }

    @Bean
    ComplianceGuard complianceGuard(ComplianceProperties properties, WorkdayCalendar calendar, ContactHistory history) {
        return new ComplianceGuard(properties, calendar, history);
    }
}
