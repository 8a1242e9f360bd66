package io.collectflow.security;

import java.io.IOException;
import java.util.Locale;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses path parameters ({@code /engine-rest;x/user}) with 400 before any other filter: nothing of ours or of
 * Camunda's uses them, Spring Security's firewall refuses them anyway, and Spring's path parsing, which runs before
 * the firewall, failed on them with a 500. Registered first of all by {@link SecurityConfig}.
 */
class PathParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf(';') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%3b")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "path parameters (';') are not accepted");
            return;
        }
        chain.doFilter(request, response);
    }
}
