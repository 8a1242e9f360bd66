package io.collectflow.security.authz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Camunda authorizations granted to groups at start-up ({@code collectflow.security.authorization.grants}):
 * group id → grants written {@code RESOURCE resourceId PERMISSION[,PERMISSION…]}, e.g.
 * {@code PROCESS_DEFINITION collection-case READ,READ_INSTANCE}. A group id ending in {@code *} applies to
 * every existing group with that prefix ({@code agency-*}).
 */
@ConfigurationProperties("collectflow.security.authorization")
public class AuthorizationProperties {

    private Map<String, List<String>> grants = new LinkedHashMap<>();

    public Map<String, List<String>> getGrants() {
        return grants;
    }

    public void setGrants(Map<String, List<String>> grants) {
        this.grants = grants;
    }
}
