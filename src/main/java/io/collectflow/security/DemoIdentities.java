package io.collectflow.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users and groups (CONTRACT.md "Identities"); the password equals the user
 * name. Created once, on the first start; never in production.
 */
@Component
@ConditionalOnProperty(name = "collectflow.demo.enabled", havingValue = "true")
public class DemoIdentities {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    /** user → group. */
    public static final Map<String, String> USERS = new LinkedHashMap<>();
    /** group → display name. */
    public static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("camunda-admin", "Administrators");
        GROUPS.put("collectors-l1", "First-line collectors");
        GROUPS.put("collectors-l2", "Second-line collectors");
        GROUPS.put("managers", "Collection managers");
        GROUPS.put("legal", "Legal department");
        GROUPS.put("complaints", "Complaint officers");
        GROUPS.put("agency-acme", "ACME Collections (agency)");
        // the approvers of larger write-offs (write-off-approval-level.dmn) and the challenger agency
        GROUPS.put("senior-managers", "Senior managers");
        GROUPS.put("committee", "Write-off committee");
        GROUPS.put("agency-beta", "Beta Credit Services (agency)");
        USERS.put("demo", "camunda-admin");
        USERS.put("collector1", "collectors-l1");
        USERS.put("collector2", "collectors-l2");
        USERS.put("manager1", "managers");
        USERS.put("legal1", "legal");
        USERS.put("complaints1", "complaints");
        USERS.put("agency1", "agency-acme");
        // four eyes: every approving group has two members
        USERS.put("manager2", "managers");
        USERS.put("senior1", "senior-managers");
        USERS.put("senior2", "senior-managers");
        USERS.put("committee1", "committee");
        USERS.put("committee2", "committee");
        USERS.put("agency2", "agency-beta");
    }

    private final IdentityService identityService;

    public DemoIdentities(IdentityService identityService) {
        this.identityService = identityService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void createDemoIdentities() {
        GROUPS.forEach(this::ensureGroup);
        USERS.forEach(this::ensureUser);
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(id.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
        identityService.saveGroup(group);
    }

    private void ensureUser(String id, String groupId) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(id);
            user.setLastName("(demo)");
            user.setEmail(id + "@demo.collectflow.io");
            user.setPassword(id);
            identityService.saveUser(user);
            log.info("Demo user '{}' created (password = user name)", id);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }
}
