package io.collectflow.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP security: our API and the Camunda REST API need a login (HTTP Basic against the Camunda
 * identity store); the Camunda webapps authenticate with their own session login.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider)
            throws Exception {
        http.authenticationProvider(provider)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/error", "/favicon.ico").permitAll()
                // the webapps (Cockpit, Tasklist, Admin) and their internal API check logins themselves;
                // /camunda-welcome is probed by the webapps: a Basic challenge there would hang the browser
                .requestMatchers("/camunda/**", "/camunda-welcome").permitAll()
                .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
                .requestMatchers(HttpMethod.GET, "/complaint", "/complaint/**").permitAll()
                // the borrower's one-time repayment-plan confirmation link (the token is the credential)
                .requestMatchers(HttpMethod.POST, "/api/plans/confirm/*").permitAll()
                .anyRequest().authenticated())
            .httpBasic(Customizer.withDefaults())
            // basic-auth APIs carry no session cookie; the webapps have Camunda's own CSRF filter
            .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/**", "/engine-rest/**"))
            .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
