package io.collectflow.contact.web;

import org.springframework.security.core.Authentication;

import io.collectflow.contact.Operator;
import io.collectflow.contact.OperatorType;
import io.collectflow.security.Roles;

/** The operator behind an API call: members of an {@code agency-*} group act for an agency. */
final class Operators {

    private Operators() {
    }

    static Operator of(Authentication auth) {
        if (auth == null) {
            return Operator.SYSTEM;
        }
        return new Operator(auth.getName(), Roles.isAgencyUser(auth) ? OperatorType.AGENCY : OperatorType.COLLECTOR);
    }
}
