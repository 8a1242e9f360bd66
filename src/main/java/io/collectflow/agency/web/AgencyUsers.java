package io.collectflow.agency.web;

import org.springframework.security.core.Authentication;

/** The agency an API caller works for: their {@code agency-<code>} group. */
final class AgencyUsers {

    private AgencyUsers() {
    }

    static String agencyCode(Authentication auth) {
        return auth.getAuthorities().stream().map(a -> a.getAuthority())
            .filter(group -> group.startsWith("agency-")).map(group -> group.substring("agency-".length()))
            .findFirst().orElseThrow(() -> new NotAnAgencyUserException(auth.getName()));
    }
}
