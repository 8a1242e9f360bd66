package io.collectflow.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs each {@code /engine-rest/**} request as the logged-in user, so the engine's authorization checks apply
 * to REST calls: user, groups and tenants go into the IdentityService for the request and are cleared after.
 */
class EngineRestAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE_REST = "/engine-rest";

    private final IdentityService identityService;

    EngineRestAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Every request the engine's REST servlet (mapped to {@code /engine-rest/*}) serves, whatever its spelling. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENGINE_REST.equals(request.getServletPath())
            && !request.getRequestURI().substring(request.getContextPath().length()).startsWith(ENGINE_REST + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        String user = login.getName();
        List<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
            .stream().map(Tenant::getId).toList();
        identityService.setAuthentication(user, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
