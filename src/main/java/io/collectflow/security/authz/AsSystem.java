package io.collectflow.security.authz;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls our own code makes for itself (the decision tables behind the risk score, the work priority, the
 * plan policy) without the authorizations of whoever happens to be logged in on the thread: a collector completing a
 * task through Tasklist may not evaluate decisions through the API, yet the risk score after their contact must be
 * computed. The caller's login is put back afterwards.
 */
public final class AsSystem {

    private AsSystem() {
    }

    public static <T> T call(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
