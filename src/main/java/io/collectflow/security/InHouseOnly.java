package io.collectflow.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Any logged-in user except the members of an {@code agency-*} group (C4, F6): agencies reach our API through the
 * agency endpoints and the compliance check only, which show them the loans placed with them and nothing else.
 * Technical users (an SMS vendor's delivery reports, a metrics scraper) belong to no group and pass.
 */
final class InHouseOnly implements AuthorizationManager<RequestAuthorizationContext> {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    @SuppressWarnings("deprecation") // the abstract method of Spring Security 6.5's interface
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        boolean loggedIn = auth != null && auth.isAuthenticated() && !TRUST.isAnonymous(auth);
        return new AuthorizationDecision(loggedIn && !Roles.isAgencyUser(auth));
    }
}
