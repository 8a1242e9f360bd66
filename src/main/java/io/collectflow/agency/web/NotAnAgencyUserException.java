package io.collectflow.agency.web;

/** The caller belongs to no agency group. */
class NotAnAgencyUserException extends RuntimeException {

    NotAnAgencyUserException(String user) {
        super(user + " is not a member of an agency group (agency-<code>)");
    }
}
