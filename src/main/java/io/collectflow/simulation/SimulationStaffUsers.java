package io.collectflow.simulation;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import io.collectflow.security.Roles;

/**
 * The simulation engine's staff: two users per team, so four-eyes rules (write-off approvals) can be met.
 * Created only in the simulation's own database.
 */
final class SimulationStaffUsers {

    static final List<String> TEAMS = List.of(Roles.COLLECTORS_L1, Roles.COLLECTORS_L2, Roles.MANAGERS,
        Roles.SENIOR_MANAGERS, Roles.COMMITTEE, Roles.LEGAL);

    private SimulationStaffUsers() {
    }

    static String userId(String group, int n) {
        return "sim-" + group + "-" + n;
    }

    static void create(IdentityService identity) {
        for (String team : TEAMS) {
            if (identity.createGroupQuery().groupId(team).count() == 0) {
                Group group = identity.newGroup(team);
                group.setName(team);
                identity.saveGroup(group);
            }
            for (int n = 1; n <= 2; n++) {
                String id = userId(team, n);
                if (identity.createUserQuery().userId(id).count() == 0) {
                    User user = identity.newUser(id);
                    user.setFirstName("Sim");
                    user.setLastName(team + " " + n);
                    identity.saveUser(user);
                    identity.createMembership(id, team);
                }
            }
        }
    }
}
