package io.collectflow.security.authz;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

/** One configured grant: {@code RESOURCE resourceId PERMISSION[,PERMISSION…]}. */
public record Grant(Resource resource, String resourceId, List<Permission> permissions) {

    public static Grant parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Grant '" + text + "' must read 'RESOURCE resourceId PERMISSION[,PERMISSION]'");
        }
        Resource resource;
        try {
            resource = Resources.valueOf(parts[0].toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Grant '" + text + "': unknown resource " + parts[0], e);
        }
        List<Permission> permissions = Arrays.stream(parts[2].split(",")).map(String::trim)
            .map(name -> permission(text, name, resource)).toList();
        return new Grant(resource, parts[1], permissions);
    }

    private static Permission permission(String text, String name, Resource resource) {
        Permission permission = ResourceTypeUtil.getPermissionByNameAndResourceType(name.toUpperCase(),
            resource.resourceType());
        if (permission == null || !name.equalsIgnoreCase(permission.getName())) {
            throw new IllegalArgumentException("Grant '" + text + "': " + name + " is no permission of " + resource.resourceName());
        }
        return permission;
    }
}
