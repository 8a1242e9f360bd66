package io.collectflow.agency;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import io.collectflow.security.authz.StartupGrants;

/**
 * The Camunda group of an agency ({@code agency-<code>}): created with the agency, with the grants every
 * agency group gets (collectflow.security.authorization.grants "[agency-*]"), so its users can work in
 * Tasklist at once. Cases are opened to it one by one when placed.
 */
@Component
public class AgencyGroups {

    private final IdentityService identities;
    private final StartupGrants grants;

    public AgencyGroups(IdentityService identities, StartupGrants grants) {
        this.identities = identities;
        this.grants = grants;
    }

    public void ensure(String groupId, String agencyName) {
        if (identities.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identities.newGroup(groupId);
            group.setName(agencyName);
            group.setType("AGENCY");
            identities.saveGroup(group);
        }
        grants.applyTo(groupId);
    }
}
