package io.collectflow.security.authz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.collectflow.security.Roles;

/**
 * Creates the configured group grants on every start, in every profile; missing permissions are added to an
 * existing grant, nothing is ever removed (an administrator's extra grants stay).
 */
@Component
public class StartupGrants {

    private static final Logger log = LoggerFactory.getLogger(StartupGrants.class);

    private final AuthorizationService authorizations;
    private final IdentityService identities;
    private final Map<String, List<Grant>> grants;

    public StartupGrants(AuthorizationService authorizations, IdentityService identities,
            AuthorizationProperties properties) {
        this.authorizations = authorizations;
        this.identities = identities;
        this.grants = properties.getGrants().entrySet().stream().collect(Collectors.toMap(
            Map.Entry::getKey, e -> e.getValue().stream().map(Grant::parse).toList(), (a, b) -> a,
            LinkedHashMap::new));
    }

    /** After the demo identities (highest precedence) so prefix grants reach the demo agency group. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void applyAll() {
        administrators();
        grants.keySet().forEach(key -> {
            if (key.endsWith("*")) {
                String prefix = key.substring(0, key.length() - 1);
                identities.createGroupQuery().list().stream().map(Group::getId).filter(id -> id.startsWith(prefix))
                    .forEach(this::applyTo);
            } else {
                applyTo(key);
            }
        });
    }

    /** Like the Camunda starter's admin user: the administrators' group may do everything, in every profile. */
    private void administrators() {
        for (Resources resource : Resources.values()) {
            ensure(Roles.ADMIN, new Grant(resource, Authorization.ANY, List.of(Permissions.ALL)));
        }
    }

    /** Grants of a group (exact or by prefix entry); call it when a group is created at run time. */
    public void applyTo(String groupId) {
        grants.forEach((key, list) -> {
            boolean matches = key.endsWith("*") ? groupId.startsWith(key.substring(0, key.length() - 1))
                : key.equals(groupId);
            if (matches) {
                list.forEach(grant -> ensure(groupId, grant));
            }
        });
    }

    private void ensure(String groupId, Grant grant) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
            .resourceType(grant.resource()).resourceId(grant.resourceId())
            .authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean changed = existing == null;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
            log.info("Granted {} {} {} to group {}", grant.resource().resourceName(), grant.resourceId(),
                grant.permissions().stream().map(Permission::getName).toList(), groupId);
        }
    }
}
