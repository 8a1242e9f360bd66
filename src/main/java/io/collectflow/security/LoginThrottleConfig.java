package io.collectflow.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The login throttle on the application clock (system clock when none is defined). */
@Configuration
class LoginThrottleConfig {

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties, ObjectProvider<Clock> clock) {
        return new LoginThrottle(properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
