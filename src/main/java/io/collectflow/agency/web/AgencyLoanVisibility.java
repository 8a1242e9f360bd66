package io.collectflow.agency.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.collectflow.agency.PlacementService;
import io.collectflow.contact.web.LoanVisibility;
import io.collectflow.security.Roles;

/** An agency user sees the loans placed with their agency; everybody else every loan. */
@Component
class AgencyLoanVisibility implements LoanVisibility {

    private final PlacementService placements;

    AgencyLoanVisibility(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public boolean visible(String loanNo, Authentication caller) {
        return !Roles.isAgencyUser(caller) || placements.placedWith(loanNo, AgencyUsers.agencyCode(caller)).isPresent();
    }
}
