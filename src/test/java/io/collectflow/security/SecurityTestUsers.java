package io.collectflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.collectflow.security.authz.StartupGrants;

/** The CONTRACT.md users in a test engine (password = user name), with the start-up grants applied. */
public final class SecurityTestUsers {

    private SecurityTestUsers() {
    }

    public static void ensure(IdentityService identities, StartupGrants grants) {
        DemoIdentities.GROUPS.forEach((id, name) -> {
            if (identities.createGroupQuery().groupId(id).count() == 0) {
                Group group = identities.newGroup(id);
                group.setName(name);
                identities.saveGroup(group);
            }
        });
        DemoIdentities.USERS.forEach((id, group) -> {
            if (identities.createUserQuery().userId(id).count() == 0) {
                User user = identities.newUser(id);
                user.setPassword(id);
                identities.saveUser(user);
                identities.createMembership(id, group);
            }
        });
        grants.applyAll();
    }

    /** One more user (password = user name) in {@code groupId}, which is created if missing. */
    public static void ensureUser(IdentityService identities, String userId, String groupId) {
        if (identities.createUserQuery().userId(userId).count() > 0) {
            return;
        }
        User user = identities.newUser(userId);
        user.setPassword(userId);
        identities.saveUser(user);
        if (identities.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identities.newGroup(groupId);
            group.setName(groupId);
            identities.saveGroup(group);
        }
        identities.createMembership(userId, groupId);
    }

    static TestRestTemplate as(TestRestTemplate anonymous, String user) {
        return anonymous.withBasicAuth(user, user);
    }
}
