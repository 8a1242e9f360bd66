package io.collectflow.security;

import static io.collectflow.security.Roles.ADMIN;
import static io.collectflow.security.Roles.FULL_PII;
import static io.collectflow.security.Roles.LEGAL;
import static io.collectflow.security.Roles.MANAGERS;
import static io.collectflow.security.Roles.STAFF;
import static io.collectflow.security.Roles.WRITE_OFF_APPROVERS;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * HTTP security: our API and the Camunda REST API need a login (HTTP Basic against the Camunda
 * identity store); the Camunda webapps authenticate with their own session login. Our API is
 * role-checked here (README "Security and privacy"); the engine REST API runs as the caller, so the
 * engine's authorizations decide there.
 */
@Configuration
public class SecurityConfig {

    static final String OWN_PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Before every other filter (Spring's path parsing included): {@link PathParameterFilter}. */
    @Bean
    FilterRegistrationBean<PathParameterFilter> pathParameterFilter() {
        FilterRegistrationBean<PathParameterFilter> registration = new FilterRegistrationBean<>(new PathParameterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, IdentityService identityService) throws Exception {
        // logins: the global authentication manager with our only provider, CamundaIdentityAuthenticationProvider
        // (registering it here as well would check a failed password twice)
        http.authorizeHttpRequests(auth -> auth
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
                // audit trail: verification for administrators, export also for managers
                .requestMatchers("/api/audit/verify").hasAuthority(ADMIN)
                .requestMatchers("/api/audit/**").hasAnyAuthority(ADMIN, MANAGERS)
                // the agency registry (C4): qualification reviews and suspensions by managers and administrators
                .requestMatchers("/api/agencies", "/api/agencies/**").hasAnyAuthority(ADMIN, MANAGERS)
                // a borrower's death may be reported by any in-house staff member who learns of it (C6)
                .requestMatchers(HttpMethod.POST, "/api/loans/*/deceased").hasAnyAuthority(STAFF)
                // collateral securing a loan (D3): registered by managers, administrators and the legal team
                .requestMatchers(HttpMethod.POST, "/api/loans/*/collateral").hasAnyAuthority(ADMIN, MANAGERS, LEGAL)
                // changes to the loan book: imports, payments, the delinquency scan
                .requestMatchers(HttpMethod.POST, "/api/loans/**", "/api/payments/**", "/api/delinquency/**")
                    .hasAnyAuthority(ADMIN, MANAGERS)
                // write-off dossiers in full (the approval form shows what fits a process variable)
                .requestMatchers("/api/write-offs/**").hasAnyAuthority(WRITE_OFF_APPROVERS)
                // lawyer letters as PDF (D3): the legal team sends them, managers and administrators may read them
                .requestMatchers("/api/lawyer-letters/**").hasAnyAuthority(ADMIN, MANAGERS, LEGAL)
                // a borrower's new phone, e-mail or address: the roles that contact borrowers
                .requestMatchers(HttpMethod.PATCH, "/api/borrowers/*/contact-data").hasAnyAuthority(FULL_PII)
                // loans and borrowers: in-house staff only (agencies see their placements through tasks)
                .requestMatchers("/api/loans/**", "/api/borrowers/**").hasAnyAuthority(STAFF)
                // KPIs, reports and the managers' dashboard (io.collectflow.kpi)
                .requestMatchers("/dashboard", "/dashboard/**", "/api/kpis", "/api/kpis/**")
                    .hasAnyAuthority("managers", "camunda-admin")
                // agencies: their placed cases and the compliance guard (which answers only for those); the rest of
                // our API (contact log and outbox, complaint accountability, plan confirmations, …) is in-house
                .requestMatchers("/api/agency/**", "/api/compliance/**").authenticated()
                .requestMatchers("/api/**").access(new InHouseOnly())
                .anyRequest().authenticated())
            .httpBasic(Customizer.withDefaults())
            .addFilterAfter(new EngineRestAuthenticationFilter(identityService), AuthorizationFilter.class)
            // basic-auth APIs carry no session cookie; the webapps have Camunda's own CSRF filter
            .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**", "/api/**", "/engine-rest/**"))
            .headers(headers -> headers
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // our own pages (complaint form, borrower profile, dashboard) load only their own files;
                // the Camunda webapps send their own policy
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                    new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/complaint/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/profile/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**")),
                    new ContentSecurityPolicyHeaderWriter(OWN_PAGES_CSP))));
        return http.build();
    }
}
