package io.collectflow.contact.web;

import org.springframework.security.core.Authentication;

/**
 * Which loans an API caller may ask the compliance guard about (C4, F6): in-house staff any loan, an agency only the
 * loans placed with it. Implemented by the agency feature; a loan the caller may not see answers as an unknown one.
 */
public interface LoanVisibility {

    boolean visible(String loanNo, Authentication caller);
}
