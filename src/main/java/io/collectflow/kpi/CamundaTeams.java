package io.collectflow.kpi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * {@link Teams} from the Camunda identity store: a collector's team is the first (by id) of its groups
 * whose id starts with the configured prefix ({@code collectflow.kpi.team-group-prefix}, default
 * "collectors-": collectors-l1 is the first-line team, collectors-l2 the second line).
 */
public class CamundaTeams implements Teams {

    private final IdentityService identityService;
    private final String prefix;

    public CamundaTeams(IdentityService identityService, String prefix) {
        this.identityService = identityService;
        this.prefix = prefix;
    }

    @Override
    public Map<String, String> teamOf(Collection<String> collectors) {
        Map<String, String> teams = new HashMap<>();
        for (String collector : collectors) {
            identityService.createGroupQuery().groupMember(collector).orderByGroupId().asc().list().stream()
                .map(Group::getId).filter(id -> id.startsWith(prefix)).findFirst()
                .ifPresent(team -> teams.put(collector, team));
        }
        return teams;
    }
}
