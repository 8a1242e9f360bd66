package io.collectflow.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The login throttle on the application clock (system clock when none is defined) and the shared database. */
@Configuration
class LoginThrottleConfig {

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties, ObjectProvider<Clock> clock, JdbcTemplate jdbc) {
        return new LoginThrottle(properties, clock.getIfAvailable(Clock::systemUTC), jdbc);
    }
}
