package io.collectflow.contact.web;

import org.springframework.security.core.Authentication;

import io.collectflow.contact.Operator;
import io.collectflow.contact.OperatorType;

/** The operator behind an API call: members of an {@code agency-*} group act for an agency. */
final class Operators {

    private Operators() {
    }

    static Operator of(Authentication auth) {
        if (auth == null) {
            return Operator.SYSTEM;
        }
        boolean agency = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("agency-"));
        return new Operator(auth.getName(), agency ? OperatorType.AGENCY : OperatorType.COLLECTOR);
    }
}
