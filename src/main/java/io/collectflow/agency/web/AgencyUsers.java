package io.collectflow.agency.web;

import org.springframework.security.core.Authentication;

import io.collectflow.security.Roles;

/** The agency an API caller works for: their {@code agency-<code>} group. */
final class AgencyUsers {

    private AgencyUsers() {
    }

    static String agencyCode(Authentication auth) {
        return auth.getAuthorities().stream().map(a -> a.getAuthority())
            .filter(Roles::isAgencyGroup).map(Roles::agencyCode)
            .findFirst().orElseThrow(() -> new NotAnAgencyUserException(auth.getName()));
    }
}
